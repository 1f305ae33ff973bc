"""kg: a knowledge-graph builder for news.

Import is cheap: the Python API (`kg.open_store`, `kg.KnowledgeGraph`) loads on first use.
"""
__version__ = "0.1.0"

__all__ = ["open_store", "KnowledgeGraph", "__version__"]


def __getattr__(name):
    if name in ("open_store", "KnowledgeGraph"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
