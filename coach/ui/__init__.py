"""The Qt widgets: thin views over the Qt-free core."""
