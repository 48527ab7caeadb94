"""Reading documents from files, stdin and web pages."""
