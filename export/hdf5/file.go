package hdf5

// File is what the SONATA and NWB layouts need from an HDF5 writer. Paths
// are absolute ("/spikes/E/timestamps"); missing parent groups are created.
// Create returns this package's implementation; another library can be put
// behind the same interface.
type File interface {
	// Group creates the group at path if needed and adds attrs to it ("/"
	// is the root group, where file-level attributes go).
	Group(path string, attrs ...Attr) error
	// SetAttrs adds attributes to an existing group or dataset.
	SetAttrs(path string, attrs ...Attr) error
	// WriteFloat64s, WriteUint64s, WriteInt64s, WriteUint32s and
	// WriteInt32s write a 1-D dataset.
	WriteFloat64s(path string, data []float64, attrs ...Attr) error
	WriteUint64s(path string, data []uint64, attrs ...Attr) error
	WriteInt64s(path string, data []int64, attrs ...Attr) error
	WriteUint32s(path string, data []uint32, attrs ...Attr) error
	WriteInt32s(path string, data []int32, attrs ...Attr) error
	// WriteMatrix writes a 2-D float64 dataset of rows × cols from
	// row-major data.
	WriteMatrix(path string, rows, cols int, data []float64, attrs ...Attr) error
	// WriteString writes a scalar string dataset, WriteStrings a 1-D one
	// (fixed-length UTF-8, as long as the longest element).
	WriteString(path string, s string, attrs ...Attr) error
	WriteStrings(path string, data []string, attrs ...Attr) error
	// Stream creates a 1-D dataset of type t whose elements are appended
	// during the run; its length is fixed at Close.
	Stream(path string, t Type, attrs ...Attr) (Stream, error)
	// Close writes everything that is pending and closes the file. It must
	// be called even after an error, to release temporary files.
	Close() error
}

// Stream appends elements to a 1-D dataset. Each method accepts only the
// dataset's own element type.
type Stream interface {
	AppendFloat64s(data []float64) error
	AppendUint64s(data []uint64) error
	AppendInt64s(data []int64) error
	// Len is the number of elements appended so far.
	Len() uint64
}
