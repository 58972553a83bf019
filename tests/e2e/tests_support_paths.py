"""Where the project lives (the child bot process runs from there)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
