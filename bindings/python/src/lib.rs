//! Placeholder until the Python binding lands.
