// `import 'tydantic/models'`: where the build plugins of @tydantic/compiler put the generated module.
// Without a plugin this module is empty; with the generated-file workflow, import the file that
// `tydantic generate` writes instead.
export {};
