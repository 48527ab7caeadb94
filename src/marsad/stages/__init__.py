"""Pipeline stages: each a plain module over a document; they never import each other."""
