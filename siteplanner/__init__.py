"""SitePlanner: plan security cameras, prove what each sees, print the signs the rules ask for."""

__version__ = "0.1.0"
