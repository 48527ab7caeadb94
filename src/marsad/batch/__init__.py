"""Batch extraction of large archives on Dask, written as Parquet datasets; `load` brings them into a store."""
