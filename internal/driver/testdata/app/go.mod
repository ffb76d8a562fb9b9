module example.com/app

go 1.26.0

require (
	example.com/canon v0.0.0
	example.com/plain v0.0.0
)

replace (
	example.com/canon => ../canon
	example.com/plain => ../plain
)
