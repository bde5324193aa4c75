"""thidua: Vietnamese trade-union news turned into a dataset of emulation movements."""

__version__ = "0.1.0"
