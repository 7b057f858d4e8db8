package letter

// go test ./... -update works in every package (internal/golden).
import _ "github.com/ducha/ducha/internal/golden"
