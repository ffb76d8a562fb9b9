module example.com/docexamples

go 1.26.0

require github.com/errcontract/errcontract v0.0.0

replace github.com/errcontract/errcontract => ../..
