"""The bottom layer: vocabulary every app shares (the spec's enums) and the hooks through which a
lower app announces a fact that a higher app acts on. Imports no app of this project."""
