package main

import (
	"fmt"
	"slices"
	"strings"
)

// A variant is one way a user runs a tool on a corpus.
type variant struct {
	name string
	tool string // the value of toolEnv: a key of tools
	vet  string // under go vet -vettool: cold or warm; empty for the tool itself
	// floor is the variant whose costs this one's are divided by: the
	// honest floor, singlechecker's, for a tool run on its own; under go
	// vet, the vet floor of the same temperature.
	floor string
}

// Under go vet, a cold run misses go vet's cache of vet results, a warm
// run hits it.
const (
	cold = "cold"
	warm = "warm"
)

// variants are the variants in the order -variants=all measures and
// prints them.
var variants = []variant{
	{"floor", "floor", "", "floor"},
	{"driver-floor", "driver-floor", "", "floor"},
	{"errcontract", "errcontract", "", "floor"},
	{"standard", "standard", "", "floor"},
	{"vet-floor-cold", "floor", cold, "vet-floor-cold"},
	{"vet-cold", "errcontract", cold, "vet-floor-cold"},
	{"vet-floor-warm", "floor", warm, "vet-floor-warm"},
	{"vet-warm", "errcontract", warm, "vet-floor-warm"},
}

// defaultVariants are measured unless -variants says otherwise; allVariants
// names every variant.
const (
	defaultVariants = "floor,errcontract,standard"
	allVariants     = "all"
)

func variantNames() string {
	var names []string
	for _, v := range variants {
		names = append(names, v.name)
	}
	return strings.Join(names, ",")
}

// findVariant returns the variant called name.
func findVariant(name string) (variant, bool) {
	i := slices.IndexFunc(variants, func(v variant) bool { return v.name == name })
	if i < 0 {
		return variant{}, false
	}
	return variants[i], true
}

// parseVariants returns the variants of a comma-separated list, in its
// order and without repeats; every variant for "all".
func parseVariants(list string) ([]variant, error) {
	var chosen []variant
	for name := range strings.SplitSeq(list, ",") {
		name = strings.TrimSpace(name)
		switch v, ok := findVariant(name); {
		case name == "":
		case name == allVariants:
			return variants, nil
		case !ok:
			return nil, fmt.Errorf("unknown variant %q (valid: %s, or %s)", name, listing(variantNames()), allVariants)
		case !slices.Contains(chosen, v):
			chosen = append(chosen, v)
		}
	}
	if len(chosen) == 0 {
		return nil, fmt.Errorf("no variant in %q (valid: %s, or %s)", list, listing(variantNames()), allVariants)
	}
	return chosen, nil
}
