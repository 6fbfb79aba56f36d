"""Developer tools beside the plugin: the atomic build, the example runner, the benchmark."""
