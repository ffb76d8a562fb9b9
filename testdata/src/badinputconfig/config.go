// Package badinputconfig imports nothing, so that the analysis of it fails
// on its own account, not for a dependency.
package badinputconfig

func F() {}
