package httpmodel

// The JSON packages that apps use in place of encoding/json, with the
// same shape of API: a Marshal that returns the encoding of its argument,
// and an Encoder that a NewEncoder makes for a writer.
const (
	jsoniterPkg = "github.com/json-iterator/go"
	goccyPkg    = "github.com/goccy/go-json"
	sonicPkg    = "github.com/bytedance/sonic"
	segmentPkg  = "github.com/segmentio/encoding/json"
)

// JSON is the one table of the JSON encoders other than encoding/json:
// jsoniter, goccy/go-json, bytedance/sonic and segmentio/encoding/json.
// Their Encode rows write to the writer a NewEncoder was given, where it
// is a response; their Marshals return the encoding of their arguments,
// so that what an app marshals and then writes carries its fields' text.
// Configured APIs (jsoniter.ConfigCompatibleWithStandardLibrary,
// sonic.ConfigDefault) are values of an interface type whose methods are
// rows of their own.
var JSON = &Framework{
	Name: "JSON encoders",
	Calls: []Call{
		jsonEncode(jsoniterPkg, "Encoder", "Encode"),
		jsonEncode(goccyPkg, "Encoder", "Encode"),
		jsonEncode(goccyPkg, "Encoder", "EncodeWithOption"),
		jsonEncode(goccyPkg, "Encoder", "EncodeContext"),
		jsonEncode(sonicPkg, "Encoder", "Encode"), // sonic's Encoder is an interface
		jsonEncode(segmentPkg, "Encoder", "Encode"),
	},
	Encoders: []Func{
		{Pkg: jsoniterPkg, Name: "NewEncoder"},
		{Pkg: jsoniterPkg, Recv: "API", Name: "NewEncoder"},
		{Pkg: goccyPkg, Name: "NewEncoder"},
		{Pkg: sonicPkg, Name: "NewEncoder"},
		{Pkg: sonicPkg, Recv: "API", Name: "NewEncoder"},
		{Pkg: segmentPkg, Name: "NewEncoder"},
	},
	Marshals: []Func{
		{Pkg: jsoniterPkg, Name: "Marshal"},
		{Pkg: jsoniterPkg, Name: "MarshalIndent"},
		{Pkg: jsoniterPkg, Name: "MarshalToString"},
		{Pkg: jsoniterPkg, Recv: "API", Name: "Marshal"},
		{Pkg: jsoniterPkg, Recv: "API", Name: "MarshalIndent"},
		{Pkg: jsoniterPkg, Recv: "API", Name: "MarshalToString"},
		{Pkg: goccyPkg, Name: "Marshal"},
		{Pkg: goccyPkg, Name: "MarshalIndent"},
		{Pkg: goccyPkg, Name: "MarshalNoEscape"},
		{Pkg: goccyPkg, Name: "MarshalWithOption"},
		{Pkg: goccyPkg, Name: "MarshalIndentWithOption"},
		{Pkg: goccyPkg, Name: "MarshalContext"},
		{Pkg: sonicPkg, Name: "Marshal"},
		{Pkg: sonicPkg, Name: "MarshalString"},
		{Pkg: sonicPkg, Recv: "API", Name: "Marshal"},
		{Pkg: sonicPkg, Recv: "API", Name: "MarshalToString"},
		{Pkg: sonicPkg, Recv: "API", Name: "MarshalIndent"},
		{Pkg: segmentPkg, Name: "Marshal"},
		{Pkg: segmentPkg, Name: "MarshalIndent"},
		{Pkg: segmentPkg, Name: "Append"},
	},
}

// jsonEncode is the row of an encoder's method that encodes its argument
// to the encoder's writer.
func jsonEncode(pkg, recv, name string) Call {
	return asJSON(Call{Func: Func{Pkg: pkg, Recv: recv, Name: name}, Writer: Encoder, Checked: true, Body: Body{From: Param(0)}})
}
