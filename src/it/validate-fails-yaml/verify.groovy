import com.kitchencpq.paramkernel.it.ItAssertions

def log = ItAssertions.buildLog(basedir)
// every finding, in order, with the severity as the log level
def expected = [
  '[ERROR] yaml/a-broken.yaml:6:5: error [yaml.syntax] YAML syntax error: expected \',\' or \']\', but got : (while parsing a flow sequence at line 5); fix the indentation or quote the value',
  '[ERROR] yaml/b-template.yaml:7:5: error [yaml.duplicate-key] key \'team\' appears twice in this mapping; keep one of them',
  '[ERROR] yaml/b-template.yaml:13:14: error [metric.integer-fields] count \'abc\' is not a whole number, and Argo Rollouts would read it as 0; write a number',
  '[ERROR] yaml/b-template.yaml:18:27: error [schema.type] \'timeoutSeconds\' must be an integer, not the string "ten"; write the number without quotes',
  '[ERROR] yaml/b-template.yaml:21:22: error [yaml.unquoted-template] the unquoted value {{args.token}} is read by YAML as an object; put it in quotes: "{{args.token}}"',
]
ItAssertions.assertContainsInOrder(log, expected)
ItAssertions.assertContains(log, 'Validated 1 document in 2 files: 5 errors, 0 warnings (plan checks off)')
ItAssertions.assertContains(log, 'validate found 5 errors (and 0 warnings); see the lines above')
return true
