"""The bundled demo: the synthetic landscape generator and the demo workspace builder (`make demo-data`)."""
