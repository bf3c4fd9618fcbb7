"""What every widget stands on: settings, theme and style, background tasks, the cycle collector, words for errors."""
