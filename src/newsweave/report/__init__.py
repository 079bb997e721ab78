"""Outputs of a run: JSON (the contract in spec/report.schema.json), Markdown and HTML."""

from __future__ import annotations

from newsweave.report.json import report_to_dict, write_json

__all__ = ["report_to_dict", "write_json"]
