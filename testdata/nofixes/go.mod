module example.com/nofixes

go 1.26.0
