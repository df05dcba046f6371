// Writes the AWS Encryption SDK messages that core's EncryptionSdkMessageTests open: every
// algorithm suite the JavaScript Encryption SDK can write, both message format versions, frame
// lengths that leave a partial, an empty and a full final frame, and values of awkward shapes.
// The data key is wrapped by a raw AES keyring under a test-only key (the tests unwrap it with
// the JDK, standing in for KMS); everything else is the SDK's own message.
//
//   cd secret-baker-core/src/test/node && npm install && node generate-messages.mjs
//
// writes ../resources/encryption-sdk/javascript/ (messages, plaintexts and manifest.json).
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  AlgorithmSuiteIdentifier,
  buildClient,
  CommitmentPolicy,
  RawAesKeyringNode,
  RawAesWrappingSuiteIdentifier
} from '@aws-crypto/client-node'

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'encryption-sdk', 'javascript')
mkdirSync(out, { recursive: true })

// A test-only wrapping key: 32 bytes 0x00..0x1f.
const wrappingKey = Uint8Array.from({ length: 32 }, (_, i) => i)
const keyNamespace = 'secret-baker-tests'
const keyName = 'raw-aes-256'
const keyring = new RawAesKeyringNode({
  keyName,
  keyNamespace,
  // The keyring zeroes the array it is given.
  unencryptedMasterKey: wrappingKey.slice(),
  wrappingSuite: RawAesWrappingSuiteIdentifier.AES256_GCM_IV12_TAG16_NO_PADDING,
  // The wrapping AAD in the specification's order (by UTF-8 bytes), as the message header and the
  // other SDKs have it; without it this keyring sorts the context its own way.
  utf8Sorting: true
})

const parameterArn = 'arn:aws:ssm:us-east-1:123456789012:parameter/app/tls, "chain"'
const encryptionContext = { PARAMETER_ARN: parameterArn, 'aws:ssm:tier': 'Advanced', 'ünïcode key': 'välue, with comma' }

function pem (length) {
  let text = ''
  for (let i = 0; text.length < length; i++) {
    text += ((text.length + 1) % 65 === 0) ? '\n' : String.fromCharCode(65 + ((i * 7) % 26))
  }
  return text
}

const plaintexts = {
  'one-byte': 'x',
  'awkward': ' password with spaces, "quotes", commas, regex .*+?[](){}|^$ and a trailing newline\n',
  'pem-5000': pem(5000),
  'frame-multiple-8192': pem(8192),
  'utf8-3000': 'ü€𝄞'.repeat(300) + pem(3000 - 'ü€𝄞'.repeat(300).length)
}

// Signing suites first: the committing, signed suite is the SDK's default.
const suites = Object.entries(AlgorithmSuiteIdentifier).filter(([name, id]) => typeof id === 'number')
const committing = new Set([AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY,
  AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY_ECDSA_P384])
const cases = [
  { plaintext: 'pem-5000', frameLength: 4096 },
  { plaintext: 'frame-multiple-8192', frameLength: 4096 },
  { plaintext: 'awkward', frameLength: 1 << 16 },
  { plaintext: 'utf8-3000', frameLength: 1000 },
  { plaintext: 'one-byte', frameLength: 1 }
]

for (const [name, text] of Object.entries(plaintexts)) {
  writeFileSync(join(out, name + '.txt'), text)
}
const manifest = {
  client: '@aws-crypto/client-node',
  keyNamespace,
  keyName,
  wrappingKeyHex: Buffer.from(wrappingKey).toString('hex'),
  parameterArn,
  messages: []
}
for (const [suiteName, suiteId] of suites) {
  const policy = committing.has(suiteId) ? CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT
    : CommitmentPolicy.FORBID_ENCRYPT_ALLOW_DECRYPT
  const { encrypt, decrypt } = buildClient(policy)
  for (const { plaintext, frameLength } of cases) {
    const { result } = await encrypt(keyring, plaintexts[plaintext], { encryptionContext, suiteId, frameLength })
    const check = await decrypt(keyring, result)
    if (check.plaintext.toString('utf8') !== plaintexts[plaintext]) {
      throw new Error('the SDK does not open its own message')
    }
    const file = suiteId.toString(16).padStart(4, '0') + '-frame-' + frameLength + '-' + plaintext + '.message'
    writeFileSync(join(out, file), result)
    manifest.messages.push({ file, suite: suiteName, suiteId, frameLength, plaintext: plaintext + '.txt' })
  }
}
writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n')
console.log('wrote ' + manifest.messages.length + ' messages to ' + out)
