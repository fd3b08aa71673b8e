import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Logs of GUI starts in tests go to a temporary folder, not the user's.
os.environ.setdefault(
    "VILLAGE_DESK_LOG_DIR",
    os.path.join(tempfile.gettempdir(), f"village-desk-test-logs-{os.getpid()}"),
)
