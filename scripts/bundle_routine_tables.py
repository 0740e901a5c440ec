"""Write the bundled routines' parsed tables (coach.routine_cache.BUNDLED_TABLES), so
that Knee Coach reads JSON at start-up instead of importing and running tomllib.

    python scripts/bundle_routine_tables.py

Run it after editing a bundled routine (``make routine-tables``); a test fails while
the tables are out of date. An edited file whose tables are stale is still loaded
correctly, only more slowly: its bytes no longer match, so it is parsed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coach.routine_cache import BUNDLED_TABLES, bundle_tables  # noqa: E402


def main() -> int:
    folder = ROOT / "routines"
    # Compact, and in the files' own key order: what tomllib gives, byte for byte.
    text = json.dumps(bundle_tables(folder), ensure_ascii=False, allow_nan=False,
                      separators=(",", ":"))
    (folder / BUNDLED_TABLES).write_text(text + "\n", encoding="utf-8")
    print(f"wrote {folder / BUNDLED_TABLES}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
