package questionnaires

import (
	"embed"
	"path"
)

// Every shipped version also ships as a snapshot (snapshots/ID/VERSION.snap: the loaded
// questionnaire, see questionnaire.MarshalSnapshot), made by
//
//	go generate ./questionnaires
//
// so that a command does not parse and check hundreds of kilobytes of YAML at every run. A
// snapshot is used only when it is that of the shipped bytes (questionnaire.ParseShipped): a
// YAML file changed without a new snapshot is parsed as before, and TestSnapshotsUpToDate
// says to run go generate.
//
//go:generate go run makesnapshots.go

//go:embed snapshots
var snapshots embed.FS

// Snapshot returns the snapshot of a shipped version; nil when there is none.
func Snapshot(id, version string) []byte {
	if !valid(id) || !valid(version) {
		return nil
	}
	data, err := snapshots.ReadFile(SnapshotPath(id, version))
	if err != nil {
		return nil
	}
	return data
}

// SnapshotPath is where the snapshot of a shipped version is kept, from this folder.
func SnapshotPath(id, version string) string {
	return path.Join("snapshots", id, version+".snap")
}
