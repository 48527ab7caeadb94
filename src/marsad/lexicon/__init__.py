"""Language data: loading, validation and dictionary matching."""
