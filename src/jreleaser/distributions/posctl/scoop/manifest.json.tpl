{
    "version": "{{projectVersion}}",
    "description": "{{projectDescription}}",
    "homepage": "{{projectLinkHomepage}}",
    "license": "{{projectLicense}}",
    "url": "{{distributionUrl}}",
    "hash": "sha256:{{distributionChecksumSha256}}",
    "extract_dir": "{{distributionArtifactRootEntryName}}",
    "env_add_path": "bin",
    "notes": [
        "Completion scripts for bash, zsh and fish are in $dir\\completions; man pages in $dir\\man\\man1.",
        "Git Bash or WSL users: source $dir/completions/posctl.bash, or add $dir/man to MANPATH."
    ],
    "suggest": {
        "JDK": [
            "java/oraclejdk",
            "java/openjdk"
        ]
    },
    "checkver": {
        "url": "{{scoopCheckverUrl}}",
        "re": "v([\\d.]+).zip"
    },
    "autoupdate": {
        "url": "{{scoopAutoupdateUrl}}",
        "extract_dir": "{{scoopAutoupdateExtractDir}}",
        "hash": {
            "url": "$url.sha256"
        }
    }
}
