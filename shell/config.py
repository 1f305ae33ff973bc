"""Shell settings: ~/.config/kg/config (XDG-aware) over the commented defaults shipped in
`default.conf`; history and saved queries live under ~/.local/share/kg."""
from __future__ import annotations

import configparser
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


def config_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "kg"


def data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local",
                                                           "share")
    return Path(base) / "kg"


def default_text() -> str:
    return resources.files("kg.shell").joinpath("default.conf").read_text(encoding="utf-8")


@dataclass
class Settings:
    style: str = "monokai"
    key_bindings: str = "emacs"
    format: str = "table"
    row_limit: int = 100
    pager: bool = True
    timing: bool = True
    multiline: bool = True


def load_settings(path: Path | None = None) -> Settings:
    parser = configparser.ConfigParser()
    parser.read_string(default_text())
    path = path or config_dir() / "config"
    if path.exists():
        parser.read(path, encoding="utf-8")
    sec = parser["main"]
    return Settings(style=sec.get("style"), key_bindings=sec.get("key_bindings"),
                    format=sec.get("format"), row_limit=sec.getint("row_limit"),
                    pager=sec.getboolean("pager"),
                    timing=sec.getboolean("timing"), multiline=sec.getboolean("multiline"))


def write_default_config() -> Path:
    """Put the commented defaults where the user can edit them (never over an existing file)."""
    path = config_dir() / "config"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(default_text(), encoding="utf-8")
    return path
