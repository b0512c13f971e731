# posctl completion for bash, generated from the command model: do not edit.
# Install: source <(posctl completion bash), or save it as
# ~/.local/share/bash-completion/completions/posctl
# Commands, options, enum values, field paths and files are answered here; user and position ids
# by `posctl __complete`, from the cache of ids seen in earlier results.

# the subcommands of a command: $1 the command's path (words after posctl)
function _posctl_subcommands() {
  case $1 in
    '') v='update undo get list create delete diff apply export validate schema sandbox help completion shell edit config login logout whoami' ;;
    'sandbox') v='serve reset' ;;
    'config') v='view get set unset use profiles' ;;
    *) v='' ;;
  esac
}

# the option names of a command, in the order the Completer offers them
function _posctl_options() {
  case $1 in
    '')
      v='-h --help -V --version' ;;
    'update')
      v='-f --file -u --user --id --set --unset --job-title --role --level --company --department --office-location --start --end --audience --category --is-current --current --dry-run --no-merge --show-result --concurrency --batch-size --fail-fast --progress --report --report-format --summary-md --journal --resume --endpoint --token-file --token --insecure-http --authority --path-style --debug --connect-timeout --timeout --max-response-size --max-retries --retry-budget -v --verbose -q --quiet --no-color --profile -h --help -o --output' ;;
    'undo')
      v='--journal --undo-journal --resume --force --dry-run --concurrency --batch-size --fail-fast --progress --report --report-format --summary-md --endpoint --token-file --token --insecure-http --authority --path-style --debug --connect-timeout --timeout --max-response-size --max-retries --retry-budget -v --verbose -q --quiet --no-color --profile -h --help -o --output' ;;
    'get'|'edit')
      v='-u --user --id --endpoint --token-file --token --insecure-http --authority --path-style --debug --connect-timeout --timeout --max-response-size --max-retries --retry-budget -v --verbose -q --quiet --no-color --profile -h --help -o --output' ;;
    'list')
      v='-u --user --endpoint --token-file --token --insecure-http --authority --path-style --debug --connect-timeout --timeout --max-response-size --max-retries --retry-budget -v --verbose -q --quiet --no-color --profile -h --help -o --output' ;;
    'create')
      v='-f --file -u --user --id --set --unset --job-title --role --level --company --department --office-location --start --end --audience --category --is-current --ignore-ids --dry-run --concurrency --batch-size --fail-fast --progress --report --report-format --summary-md --journal --resume --endpoint --token-file --token --insecure-http --authority --path-style --debug --connect-timeout --timeout --max-response-size --max-retries --retry-budget -v --verbose -q --quiet --no-color --profile -h --help -o --output' ;;
    'delete')
      v='-u --user --id -y --yes -f --file --dry-run --concurrency --batch-size --fail-fast --progress --report --report-format --summary-md --journal --resume --endpoint --token-file --token --insecure-http --authority --path-style --debug --connect-timeout --timeout --max-response-size --max-retries --retry-budget -v --verbose -q --quiet --no-color --profile -h --help -o --output' ;;
    'diff')
      v='-f --file -u --user --id --set --unset --job-title --role --level --company --department --office-location --start --end --audience --category --is-current --current --endpoint --token-file --token --insecure-http --authority --path-style --debug --connect-timeout --timeout --max-response-size --max-retries --retry-budget -v --verbose -q --quiet --no-color --profile -h --help -o --output' ;;
    'apply')
      v='-f --file --plan --prune --match --max-deletes -y --yes --dry-run --concurrency --batch-size --fail-fast --progress --report --report-format --summary-md --journal --resume --endpoint --token-file --token --insecure-http --authority --path-style --debug --connect-timeout --timeout --max-response-size --max-retries --retry-budget -v --verbose -q --quiet --no-color --profile -h --help -o --output' ;;
    'export')
      v='-u --user -f --file --all-users --dir --concurrency --progress --endpoint --token-file --token --insecure-http --authority --path-style --debug --connect-timeout --timeout --max-response-size --max-retries --retry-budget -v --verbose -q --quiet --no-color --profile -h --help -o --output' ;;
    'validate')
      v='-f --file -u --user --id --set --unset --job-title --role --level --company --department --office-location --start --end --audience --category --is-current --strict -v --verbose -q --quiet --no-color --profile -h --help -o --output' ;;
    'schema')
      v='--json-schema -v --verbose -q --quiet --no-color --profile -h --help -o --output' ;;
    'sandbox'|'help'|'config')
      v='-h --help' ;;
    'sandbox serve')
      v='--port --data --demo-users --memory --token --me --patch-204 --page-size --chaos --seed -v --verbose -q --quiet --no-color --profile -h --help' ;;
    'sandbox reset')
      v='--data -v --verbose -q --quiet --no-color --profile -h --help' ;;
    'completion'|'shell'|'config get'|'config set'|'config unset'|'config use'|'logout')
      v='-v --verbose -q --quiet --no-color --profile -h --help' ;;
    'config view')
      v='--resolved -v --verbose -q --quiet --no-color --profile -h --help -o --output' ;;
    'config profiles')
      v='-v --verbose -q --quiet --no-color --profile -h --help -o --output' ;;
    'login')
      v='--method --tenant --client-id --scope --authority --client-secret-file --certificate --insecure-http -v --verbose -q --quiet --no-color --profile -h --help' ;;
    'whoami')
      v='--endpoint --token-file --token --insecure-http --authority --path-style --debug --connect-timeout --timeout --max-response-size --max-retries --retry-budget -v --verbose -q --quiet --no-color --profile -h --help -o --output' ;;
    *) v='' ;;
  esac
}

# what the value of option $2 of command $1 is: k the kind (NONE: no value, empty: no such
# option), v the fixed candidates
function _posctl_option() {
  case "$1|$2" in
    '|-h'|'|--help'|'|-V'|'|--version'|'update|--is-current'|'update|--current'|\
    'update|--dry-run'|'update|--no-merge'|'update|--show-result'|'update|--fail-fast'|\
    'update|--resume'|'update|--insecure-http'|'update|--debug'|'update|-v'|'update|--verbose'|\
    'update|-q'|'update|--quiet'|'update|--no-color'|'update|-h'|'update|--help'|'undo|--resume'|\
    'undo|--force'|'undo|--dry-run'|'undo|--fail-fast'|'undo|--insecure-http'|'undo|--debug'|\
    'undo|-v'|'undo|--verbose'|'undo|-q'|'undo|--quiet'|'undo|--no-color'|'undo|-h'|'undo|--help'|\
    'get|--insecure-http'|'get|--debug'|'get|-v'|'get|--verbose'|'get|-q'|'get|--quiet'|\
    'get|--no-color'|'get|-h'|'get|--help'|'list|--insecure-http'|'list|--debug'|'list|-v'|\
    'list|--verbose'|'list|-q'|'list|--quiet'|'list|--no-color'|'list|-h'|'list|--help'|\
    'create|--is-current'|'create|--ignore-ids'|'create|--dry-run'|'create|--fail-fast'|\
    'create|--resume'|'create|--insecure-http'|'create|--debug'|'create|-v'|'create|--verbose'|\
    'create|-q'|'create|--quiet'|'create|--no-color'|'create|-h'|'create|--help'|'delete|-y'|\
    'delete|--yes'|'delete|--dry-run'|'delete|--fail-fast'|'delete|--resume'|\
    'delete|--insecure-http'|'delete|--debug'|'delete|-v'|'delete|--verbose'|'delete|-q'|\
    'delete|--quiet'|'delete|--no-color'|'delete|-h'|'delete|--help'|'diff|--is-current'|\
    'diff|--current'|'diff|--insecure-http'|'diff|--debug'|'diff|-v'|'diff|--verbose'|'diff|-q'|\
    'diff|--quiet'|'diff|--no-color'|'diff|-h'|'diff|--help'|'apply|--plan'|'apply|--prune'|\
    'apply|-y'|'apply|--yes'|'apply|--dry-run'|'apply|--fail-fast'|'apply|--resume'|\
    'apply|--insecure-http'|'apply|--debug'|'apply|-v'|'apply|--verbose'|'apply|-q'|\
    'apply|--quiet'|'apply|--no-color'|'apply|-h'|'apply|--help'|'export|--all-users'|\
    'export|--insecure-http'|'export|--debug'|'export|-v'|'export|--verbose'|'export|-q'|\
    'export|--quiet'|'export|--no-color'|'export|-h'|'export|--help'|'validate|--is-current'|\
    'validate|--strict'|'validate|-v'|'validate|--verbose'|'validate|-q'|'validate|--quiet'|\
    'validate|--no-color'|'validate|-h'|'validate|--help'|'schema|--json-schema'|'schema|-v'|\
    'schema|--verbose'|'schema|-q'|'schema|--quiet'|'schema|--no-color'|'schema|-h'|\
    'schema|--help'|'sandbox|-h'|'sandbox|--help'|'sandbox serve|--memory'|\
    'sandbox serve|--patch-204'|'sandbox serve|-v'|'sandbox serve|--verbose'|'sandbox serve|-q'|\
    'sandbox serve|--quiet'|'sandbox serve|--no-color'|'sandbox serve|-h'|'sandbox serve|--help'|\
    'sandbox reset|-v'|'sandbox reset|--verbose'|'sandbox reset|-q'|'sandbox reset|--quiet'|\
    'sandbox reset|--no-color'|'sandbox reset|-h'|'sandbox reset|--help'|'help|-h'|'help|--help'|\
    'completion|-v'|'completion|--verbose'|'completion|-q'|'completion|--quiet'|\
    'completion|--no-color'|'completion|-h'|'completion|--help'|'shell|-v'|'shell|--verbose'|\
    'shell|-q'|'shell|--quiet'|'shell|--no-color'|'shell|-h'|'shell|--help'|\
    'edit|--insecure-http'|'edit|--debug'|'edit|-v'|'edit|--verbose'|'edit|-q'|'edit|--quiet'|\
    'edit|--no-color'|'edit|-h'|'edit|--help'|'config|-h'|'config|--help'|\
    'config view|--resolved'|'config view|-v'|'config view|--verbose'|'config view|-q'|\
    'config view|--quiet'|'config view|--no-color'|'config view|-h'|'config view|--help'|\
    'config get|-v'|'config get|--verbose'|'config get|-q'|'config get|--quiet'|\
    'config get|--no-color'|'config get|-h'|'config get|--help'|'config set|-v'|\
    'config set|--verbose'|'config set|-q'|'config set|--quiet'|'config set|--no-color'|\
    'config set|-h'|'config set|--help'|'config unset|-v'|'config unset|--verbose'|\
    'config unset|-q'|'config unset|--quiet'|'config unset|--no-color'|'config unset|-h'|\
    'config unset|--help'|'config use|-v'|'config use|--verbose'|'config use|-q'|\
    'config use|--quiet'|'config use|--no-color'|'config use|-h'|'config use|--help'|\
    'config profiles|-v'|'config profiles|--verbose'|'config profiles|-q'|\
    'config profiles|--quiet'|'config profiles|--no-color'|'config profiles|-h'|\
    'config profiles|--help'|'login|--insecure-http'|'login|-v'|'login|--verbose'|'login|-q'|\
    'login|--quiet'|'login|--no-color'|'login|-h'|'login|--help'|'logout|-v'|'logout|--verbose'|\
    'logout|-q'|'logout|--quiet'|'logout|--no-color'|'logout|-h'|'logout|--help'|\
    'whoami|--insecure-http'|'whoami|--debug'|'whoami|-v'|'whoami|--verbose'|'whoami|-q'|\
    'whoami|--quiet'|'whoami|--no-color'|'whoami|-h'|'whoami|--help')
      k=NONE v='' ;;
    'update|-f'|'update|--file'|'create|-f'|'create|--file'|'delete|-f'|'delete|--file'|'diff|-f'|\
    'diff|--file'|'apply|-f'|'apply|--file'|'export|-f'|'export|--file'|'validate|-f'|\
    'validate|--file')
      k=FILE v='' ;;
    'update|-u'|'update|--user'|'get|-u'|'get|--user'|'list|-u'|'list|--user'|'create|-u'|\
    'create|--user'|'delete|-u'|'delete|--user'|'diff|-u'|'diff|--user'|'export|-u'|\
    'export|--user'|'validate|-u'|'validate|--user'|'edit|-u'|'edit|--user')
      k=USER v='' ;;
    'update|--id'|'get|--id'|'create|--id'|'delete|--id'|'diff|--id'|'validate|--id'|'edit|--id')
      k=POSITION v='' ;;
    'update|--set'|'create|--set'|'diff|--set'|'validate|--set')
      k=ASSIGNMENT v='' ;;
    'update|--unset'|'create|--unset'|'diff|--unset'|'validate|--unset')
      k=FIELD_PATH v='' ;;
    'update|--job-title'|'update|--role'|'update|--level'|'update|--company'|\
    'update|--department'|'update|--office-location'|'update|--start'|'update|--end'|\
    'update|--category'|'update|--concurrency'|'update|--batch-size'|'update|--report'|\
    'update|--summary-md'|'update|--journal'|'update|--endpoint'|'update|--token-file'|\
    'update|--token'|'update|--authority'|'update|--connect-timeout'|'update|--timeout'|\
    'update|--max-response-size'|'update|--max-retries'|'update|--retry-budget'|\
    'update|--profile'|'undo|--journal'|'undo|--undo-journal'|'undo|--concurrency'|\
    'undo|--batch-size'|'undo|--report'|'undo|--summary-md'|'undo|--endpoint'|'undo|--token-file'|\
    'undo|--token'|'undo|--authority'|'undo|--connect-timeout'|'undo|--timeout'|\
    'undo|--max-response-size'|'undo|--max-retries'|'undo|--retry-budget'|'undo|--profile'|\
    'get|--endpoint'|'get|--token-file'|'get|--token'|'get|--authority'|'get|--connect-timeout'|\
    'get|--timeout'|'get|--max-response-size'|'get|--max-retries'|'get|--retry-budget'|\
    'get|--profile'|'list|--endpoint'|'list|--token-file'|'list|--token'|'list|--authority'|\
    'list|--connect-timeout'|'list|--timeout'|'list|--max-response-size'|'list|--max-retries'|\
    'list|--retry-budget'|'list|--profile'|'create|--job-title'|'create|--role'|'create|--level'|\
    'create|--company'|'create|--department'|'create|--office-location'|'create|--start'|\
    'create|--end'|'create|--category'|'create|--concurrency'|'create|--batch-size'|\
    'create|--report'|'create|--summary-md'|'create|--journal'|'create|--endpoint'|\
    'create|--token-file'|'create|--token'|'create|--authority'|'create|--connect-timeout'|\
    'create|--timeout'|'create|--max-response-size'|'create|--max-retries'|\
    'create|--retry-budget'|'create|--profile'|'delete|--concurrency'|'delete|--batch-size'|\
    'delete|--report'|'delete|--summary-md'|'delete|--journal'|'delete|--endpoint'|\
    'delete|--token-file'|'delete|--token'|'delete|--authority'|'delete|--connect-timeout'|\
    'delete|--timeout'|'delete|--max-response-size'|'delete|--max-retries'|\
    'delete|--retry-budget'|'delete|--profile'|'diff|--job-title'|'diff|--role'|'diff|--level'|\
    'diff|--company'|'diff|--department'|'diff|--office-location'|'diff|--start'|'diff|--end'|\
    'diff|--category'|'diff|--endpoint'|'diff|--token-file'|'diff|--token'|'diff|--authority'|\
    'diff|--connect-timeout'|'diff|--timeout'|'diff|--max-response-size'|'diff|--max-retries'|\
    'diff|--retry-budget'|'diff|--profile'|'apply|--match'|'apply|--max-deletes'|\
    'apply|--concurrency'|'apply|--batch-size'|'apply|--report'|'apply|--summary-md'|\
    'apply|--journal'|'apply|--endpoint'|'apply|--token-file'|'apply|--token'|'apply|--authority'|\
    'apply|--connect-timeout'|'apply|--timeout'|'apply|--max-response-size'|'apply|--max-retries'|\
    'apply|--retry-budget'|'apply|--profile'|'export|--dir'|'export|--concurrency'|\
    'export|--endpoint'|'export|--token-file'|'export|--token'|'export|--authority'|\
    'export|--connect-timeout'|'export|--timeout'|'export|--max-response-size'|\
    'export|--max-retries'|'export|--retry-budget'|'export|--profile'|'validate|--job-title'|\
    'validate|--role'|'validate|--level'|'validate|--company'|'validate|--department'|\
    'validate|--office-location'|'validate|--start'|'validate|--end'|'validate|--category'|\
    'validate|--profile'|'schema|--profile'|'sandbox serve|--port'|'sandbox serve|--data'|\
    'sandbox serve|--demo-users'|'sandbox serve|--token'|'sandbox serve|--me'|\
    'sandbox serve|--page-size'|'sandbox serve|--chaos'|'sandbox serve|--seed'|\
    'sandbox serve|--profile'|'sandbox reset|--data'|'sandbox reset|--profile'|\
    'completion|--profile'|'shell|--profile'|'edit|--endpoint'|'edit|--token-file'|'edit|--token'|\
    'edit|--authority'|'edit|--connect-timeout'|'edit|--timeout'|'edit|--max-response-size'|\
    'edit|--max-retries'|'edit|--retry-budget'|'edit|--profile'|'config view|--profile'|\
    'config get|--profile'|'config set|--profile'|'config unset|--profile'|'config use|--profile'|\
    'config profiles|--profile'|'login|--method'|'login|--tenant'|'login|--client-id'|\
    'login|--scope'|'login|--authority'|'login|--client-secret-file'|'login|--certificate'|\
    'login|--profile'|'logout|--profile'|'whoami|--endpoint'|'whoami|--token-file'|\
    'whoami|--token'|'whoami|--authority'|'whoami|--connect-timeout'|'whoami|--timeout'|\
    'whoami|--max-response-size'|'whoami|--max-retries'|'whoami|--retry-budget'|\
    'whoami|--profile')
      k=FREE v='' ;;
    'update|--audience'|'create|--audience'|'diff|--audience'|'validate|--audience')
      k=ENUM v='me family contacts groupMembers organization federatedOrganizations everyone unknownFutureValue' ;;
    'update|--progress'|'undo|--progress'|'create|--progress'|'delete|--progress'|\
    'apply|--progress'|'export|--progress')
      k=ENUM v='auto plain off' ;;
    'update|--report-format'|'undo|--report-format'|'create|--report-format'|\
    'delete|--report-format'|'apply|--report-format')
      k=ENUM v='ndjson junit' ;;
    'update|--path-style'|'undo|--path-style'|'get|--path-style'|'list|--path-style'|\
    'create|--path-style'|'delete|--path-style'|'diff|--path-style'|'apply|--path-style'|\
    'export|--path-style'|'edit|--path-style'|'whoami|--path-style')
      k=ENUM v='graph seed' ;;
    'update|-o'|'update|--output'|'undo|-o'|'undo|--output'|'create|-o'|'create|--output'|\
    'apply|-o'|'apply|--output')
      k=ENUM v='table json yaml ndjson github' ;;
    'get|-o'|'get|--output'|'list|-o'|'list|--output'|'delete|-o'|'delete|--output'|'edit|-o'|\
    'edit|--output')
      k=ENUM v='table json yaml ndjson' ;;
    'diff|-o'|'diff|--output')
      k=ENUM v='table json yaml ndjson github sarif' ;;
    'export|-o'|'export|--output')
      k=ENUM v='yaml ndjson json' ;;
    'validate|-o'|'validate|--output')
      k=ENUM v='text json ndjson yaml github sarif' ;;
    'schema|-o'|'schema|--output')
      k=ENUM v='text json yaml' ;;
    'config view|-o'|'config view|--output'|'config profiles|-o'|'config profiles|--output'|\
    'whoami|-o'|'whoami|--output')
      k=ENUM v='table json yaml' ;;
    *) k='' v='' ;;
  esac
}

# what the positional parameter of a command is: k the kind, v the fixed candidates
function _posctl_positional() {
  case $1 in
    'schema') k=FIELD_PATH v='' ;;
    'help') k=COMMAND v='update undo get list create delete diff apply export validate schema sandbox help completion shell edit config login logout whoami' ;;
    'completion') k=ENUM v='bash zsh fish' ;;
    'config get') k=FREE v='' ;;
    'config set') k=FREE v='' ;;
    'config unset') k=FREE v='' ;;
    'config use') k=FREE v='' ;;
    *) k=NONE v='' ;;
  esac
}

# every field path: O: an object, L: anything else
function _posctl_field_paths() {
  v='L:userId L:id L:allowedAudiences O:inference L:inference.confidenceScore L:inference.userHasVerifiedAccuracy O:createdBy O:createdBy.application L:createdBy.application.displayName L:createdBy.application.id O:createdBy.device L:createdBy.device.displayName L:createdBy.device.id O:createdBy.user L:createdBy.user.displayName L:createdBy.user.id L:createdDateTime O:lastModifiedBy O:lastModifiedBy.application L:lastModifiedBy.application.displayName L:lastModifiedBy.application.id O:lastModifiedBy.device L:lastModifiedBy.device.displayName L:lastModifiedBy.device.id O:lastModifiedBy.user L:lastModifiedBy.user.displayName L:lastModifiedBy.user.id L:lastModifiedDateTime L:isSearchable O:source L:source.type O:sources L:sources.sourceId L:sources.isDefaultSource L:sources.properties L:categories O:colleagues L:colleagues.displayName L:colleagues.relationship L:colleagues.userPrincipalName L:colleagues.userId O:detail O:detail.company L:detail.company.displayName O:detail.company.address L:detail.company.address.city L:detail.company.address.countryOrRegion L:detail.company.address.postalCode L:detail.company.address.postOfficeBox L:detail.company.address.state L:detail.company.address.street L:detail.company.address.type L:detail.company.department L:detail.company.officeLocation L:detail.company.pronunciation L:detail.company.webUrl L:detail.company.companyCode L:detail.company.secondaryDepartment L:detail.company.costCenter L:detail.company.division L:detail.description L:detail.endMonthYear L:detail.jobTitle L:detail.role L:detail.startMonthYear L:detail.summary L:detail.level L:detail.layer L:detail.secondaryJobTitle L:detail.secondaryRole L:detail.employeeId L:detail.employeeType L:isCurrent O:manager L:manager.displayName L:manager.relationship L:manager.userPrincipalName L:manager.userId'
}

# the values of an enum or boolean field
function _posctl_field_values() {
  case $1 in
    'allowedAudiences') v='me family contacts groupMembers organization federatedOrganizations everyone unknownFutureValue' ;;
    'inference.userHasVerifiedAccuracy') v='true false' ;;
    'isSearchable') v='true false' ;;
    'sources.isDefaultSource') v='true false' ;;
    'colleagues.relationship') v='manager colleague directReport dotLineReport assistant dotLineManager alternateContact friend spouse sibling child parent sponsor emergencyContact other unknownFutureValue' ;;
    'detail.company.address.type') v='unknown home business other' ;;
    'isCurrent') v='true false' ;;
    'manager.relationship') v='manager colleague directReport dotLineReport assistant dotLineManager alternateContact friend spouse sibling child parent sponsor emergencyContact other unknownFutureValue' ;;
    *) v='' ;;
  esac
}

# field paths one segment at a time: $1 typed, $2 1 after --set (leaves end in '=', values follow
# PATH=), $3 what goes in front of each candidate
function _posctl_fields() {
  local typed=$1 head=$3 p kind path rest next seen=' ' prior last m
  if [[ $2 == 1 && $typed == *=* ]]; then
    path=${typed%%=*} rest=${typed#*=} prior='' last=${typed#*=}
    if [[ $rest == *,* ]]; then
      prior=${rest%,*}, last=${rest##*,}
    fi
    _posctl_field_values "$path"
    for m in $v; do
      [[ $m == "$last"* ]] && COMPREPLY+=("$head$path=$prior$m")
    done
    return 0
  fi
  _posctl_field_paths
  for p in $v; do
    kind=${p%%:*} path=${p#*:}
    [[ $path == "$typed"* ]] || continue
    rest=${path:${#typed}}
    if [[ $rest == *.* ]]; then
      next=$typed${rest%%.*}.
    elif [[ $kind == O && $path != "$typed" ]]; then
      next=$path.
    else
      next=$path
    fi
    [[ $seen == *" $next "* ]] && continue
    seen+="$next "
    if [[ $next != *. && $2 == 1 ]]; then
      next+='='
    fi
    COMPREPLY+=("$head$next")
  done
}

# the values of kind $1 (fixed candidates $2) for the typed $3, each after $4
function _posctl_values() {
  local w
  case $1 in
    FIELD_PATH) _posctl_fields "$3" 0 "$4" ;;
    ASSIGNMENT) _posctl_fields "$3" 1 "$4" ;;
    FILE)
      type compopt &>/dev/null && compopt -o filenames 2>/dev/null
      while IFS= read -r w; do
        COMPREPLY+=("$4$w")
      done < <(compgen -f -- "$3")
      ;;
    USER|POSITION)
      # the line goes on stdin, so a token typed on it never shows in a process's arguments;
      # the answer one per line, read as it is: never globbed or split
      while IFS= read -r w; do
        [[ -n $w ]] && COMPREPLY+=("$w")
      done < <(printf '%s\n' "${COMP_LINE:0:$COMP_POINT}" | posctl __complete 2>/dev/null)
      ;;
    *)
      for w in $2; do
        [[ $w == "$3"* ]] && COMPREPLY+=("$4$w")
      done
      ;;
  esac
}

function _posctl_complete() {
  local -a line=()
  local i w cmd='' pending='' fixed='' cur k v breaks=''
  COMPREPLY=()
  # bash splits PATH=VALUE, --option=VALUE and user@domain at the characters of COMP_WORDBREAKS
  # (zsh does not): put such words back together
  if [[ -n ${BASH_VERSION-} ]]; then
    for w in = @ :; do
      [[ $COMP_WORDBREAKS == *"$w"* ]] && breaks+=$w
    done
  fi
  for (( i = 1; i <= COMP_CWORD; i++ )); do
    w=${COMP_WORDS[i]}
    if [[ -n $breaks ]] && (( ${#line[@]} > 0 && i > 1 ))       && [[ $w == [$breaks] || ${COMP_WORDS[i-1]} == [$breaks] ]]; then
      line[${#line[@]}-1]+=$w
    else
      line+=("$w")
    fi
  done
  (( ${#line[@]} > 0 )) || line=('')
  cur=${line[${#line[@]}-1]}
  for w in "${line[@]:0:${#line[@]}-1}"; do
    if [[ -n $pending ]]; then
      pending=''
      continue
    fi
    [[ $w == --*=* ]] && continue
    _posctl_option "$cmd" "$w"
    if [[ -n $k ]]; then
      [[ $k != NONE ]] && pending=$k fixed=$v
      continue
    fi
    _posctl_subcommands "$cmd"
    [[ " $v " == *" $w "* ]] && cmd=${cmd:+$cmd }$w
  done
  if [[ -n $pending ]]; then
    _posctl_values "$pending" "$fixed" "$cur" ''
  elif [[ $cur == --?*=* ]]; then
    _posctl_option "$cmd" "${cur%%=*}"
    [[ -n $k && $k != NONE ]] && _posctl_values "$k" "$v" "${cur#*=}" "${cur%%=*}="
  elif [[ $cur == -* ]]; then
    _posctl_options "$cmd"
    for w in $v; do
      [[ $w == "$cur"* ]] && [[ $w == --* || ${#cur} -lt 2 ]] && COMPREPLY+=("$w")
    done
  else
    _posctl_subcommands "$cmd"
    for w in $v; do
      [[ $w == "$cur"* ]] && COMPREPLY+=("$w")
    done
    _posctl_positional "$cmd"
    [[ $k != NONE ]] && _posctl_values "$k" "$v" "$cur" ''
  fi
  # a path or an option's value goes on being typed: no space after it
  if [[ " ${COMPREPLY[*]} " == *[.=]" "* ]] && type compopt &>/dev/null; then
    compopt -o nospace 2>/dev/null
  fi
  # bash replaces only what follows the word's last break character: offer just that part
  if [[ -n $breaks && $cur == *[$breaks]* ]]; then
    w=${cur%"${cur##*[$breaks]}"}
    COMPREPLY=( "${COMPREPLY[@]#"$w"}" )
  fi
  return 0
}

complete -F _posctl_complete posctl
