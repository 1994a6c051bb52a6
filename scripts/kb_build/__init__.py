"""Builder of the shipped actor knowledge base, one module per knowledge source.

Run it through ``scripts/build_kb.py``; ``pipeline.build`` ties the loaders together.
"""
