"""Every change to monitoring data, one module per operation.

Each operation takes the acting user first, asks `permissions.check`, runs in one
transaction and writes the update's history, so the web views, the CLI and the API
behave the same. Import the functions from their modules.
"""
