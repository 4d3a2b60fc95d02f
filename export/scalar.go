package export

import "fmt"

// AddScalar writes a 0-d array (numpy shape ()), for metadata such as a
// time step or a population size: in Python d[name] is then a 0-d array
// that float(), int() and arithmetic take as a number. v must be a
// float64, float32, int64, int, int32, uint64, uint32 or bool; strings are
// not supported (numpy's '<U' and object dtypes are not among the types
// the readers accept), so store units as numbers (e.g. seconds per unit).
func (w *NPZWriter) AddScalar(name string, v any) error {
	var data any
	switch x := v.(type) {
	case float64:
		data = []float64{x}
	case float32:
		data = []float32{x}
	case int64:
		data = []int64{x}
	case int:
		data = []int64{int64(x)}
	case int32:
		data = []int32{x}
	case uint64:
		data = []uint64{x}
	case uint32:
		data = []uint32{x}
	case bool:
		data = []bool{x}
	default:
		return fmt.Errorf("export: NPZWriter.AddScalar %q: value type %T not supported: want float64, float32, int64, int, int32, uint64, uint32 or bool", name, v)
	}
	return w.add("AddScalar", name, data, []int{})
}
