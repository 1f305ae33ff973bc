"""kg push and kg serve: the graph in other triple stores, and the store as an endpoint."""
from __future__ import annotations

from typing import Optional

import typer

from .main import app, err, state
