"""The REST API and the analysts' web page (`marsad serve`)."""
