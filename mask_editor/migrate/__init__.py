"""Moving masks in and out: the legacy per-pose JSON import and the exports (legacy JSON, PNG, CSV, JSON)."""
