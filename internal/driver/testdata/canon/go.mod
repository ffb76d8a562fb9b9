module example.com/canon

go 1.26.0
