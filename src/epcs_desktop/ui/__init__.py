"""The Qt desktop front end. Nothing here is imported by the CLI until the GUI is started."""
