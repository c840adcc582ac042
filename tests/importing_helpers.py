"""Shared paths for the importing tests."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data" / "importing"
RSIS_SEED = SEEDS / "000_7961fa5e3beb4d30.txt"
CHINA_DAILY_SEED = SEEDS / "002_db2dae268063bbd5.txt"
