"""One exception tree; every message names the value at fault and says what to do."""


class MarsadError(Exception):
    """Base of every error marsad raises on purpose."""


class InputError(MarsadError):
    """A document could not be read (missing, binary, empty, undecodable)."""


class LexiconError(MarsadError):
    """A language-data file is malformed."""


class GoldError(MarsadError):
    """A gold file is malformed."""
