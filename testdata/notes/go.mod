module example.com/notes

go 1.26.0
