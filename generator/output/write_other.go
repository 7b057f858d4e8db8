//go:build !unix

package output

// writeNew writes data into the file name, a new file with the
// permissions of the build's files (see createNew).
func writeNew(name string, data []byte) error {
	f, err := createNew(name)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
