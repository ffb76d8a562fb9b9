module example.com/main

go 1.26.0

require example.com/shared v0.0.0

replace example.com/shared => ../shared
