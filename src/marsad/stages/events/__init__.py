"""Event extraction: triggers + roles + modality + attribution + fatalities -> events."""

from marsad.stages.events.assemble import extract_events

__all__ = ["extract_events"]
