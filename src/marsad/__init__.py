"""marsad (مرصد): Arabic news in, ACLED-style conflict event data out."""

from marsad.model import Document, Event, Result
from marsad.pipeline import extract

__all__ = ["Document", "Event", "Result", "extract"]
__version__ = "0.1.0"
