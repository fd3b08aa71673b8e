"""One build step pyproject.toml cannot express: carry the top-level
``resources/`` folder (translations, icons) into the package as
``village_desk/resources``, so that a wheel, and anything installed from it,
finds it through importlib.resources (``village_desk/core/resources.py``).

Everything else is configured in pyproject.toml. An editable install needs no
copy: it runs from the checkout, which has the top-level folder.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
RESOURCES = ROOT / "resources"


class BuildPyWithResources(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib, "village_desk", "resources")
        for source in sorted(RESOURCES.rglob("*")):
            if source.is_file() and "__pycache__" not in source.parts:
                destination = target / source.relative_to(RESOURCES)
                self.mkpath(str(destination.parent))
                self.copy_file(str(source), str(destination))


setup(cmdclass={"build_py": BuildPyWithResources})
