"""The cover: drawn from the metadata (designs, palettes, fonts), or the user's own image made safe."""
