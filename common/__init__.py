"""What every layer may import and which imports nothing of ours: today the root error class.
The planned home of settings, logging and metrics (see the README's layer map)."""
