"""Resources in a source checkout: the top-level resources/ folder itself
(a wheel or a bundle carries it inside the package: tests/test_packaging.py,
packaging/smoke-test-linux)."""

from pathlib import Path

from village_desk.core.resources import resource_path, resources_dir

ROOT = Path(__file__).resolve().parents[2]


def test_a_checkout_uses_its_top_level_resources_folder():
    assert resources_dir() == ROOT / "resources"
    assert resource_path("translations", "village_desk_zh_CN.qm").is_file()
    assert resource_path("icons", "village-desk.png").is_file()
    assert resource_path("icons", "village-desk.ico").is_file()
