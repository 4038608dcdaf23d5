"""Text handling shared by features that must treat words alike (see `dutch`).

Pure Python: nothing here imports Django, so any feature can build on it.
"""
