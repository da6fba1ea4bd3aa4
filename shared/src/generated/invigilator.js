/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $Boolean = $util.global.Boolean, $Array = $util.global.Array;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const invigilator = $root.invigilator = (() => {

    /**
     * Namespace invigilator.
     * @exports invigilator
     * @namespace
     */
    const invigilator = {};

    invigilator.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof invigilator
         * @namespace
         */
        const v1 = {};

        v1.Frame = (function() {

            /**
             * Properties of a Frame.
             * @typedef {Object} invigilator.v1.Frame.$Properties
             * @property {invigilator.v1.EnrolRequest.$Properties|null} [enrolRequest] Frame enrolRequest
             * @property {invigilator.v1.EnrolResponse.$Properties|null} [enrolResponse] Frame enrolResponse
             * @property {invigilator.v1.Hello.$Properties|null} [hello] Frame hello
             * @property {invigilator.v1.Welcome.$Properties|null} [welcome] Frame welcome
             * @property {invigilator.v1.EventBatch.$Properties|null} [batch] Frame batch
             * @property {invigilator.v1.Ack.$Properties|null} [ack] Frame ack
             * @property {invigilator.v1.Heartbeat.$Properties|null} [heartbeat] Frame heartbeat
             * @property {invigilator.v1.AgentConfig.$Properties|null} [config] Frame config
             * @property {invigilator.v1.Error.$Properties|null} [error] Frame error
             * @property {"enrolRequest"|"enrolResponse"|"hello"|"welcome"|"batch"|"ack"|"heartbeat"|"config"|"error"} [body] Frame body
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Frame.
             * @memberof invigilator.v1
             * @interface IFrame
             * @augments invigilator.v1.Frame.$Properties
             * @deprecated Use invigilator.v1.Frame.$Properties instead.
             */

            /**
             * Narrowed shape of a Frame.
             * @typedef {{
             *   enrolRequest?: invigilator.v1.EnrolRequest.$Shape|null;
             *   enrolResponse?: invigilator.v1.EnrolResponse.$Shape|null;
             *   hello?: invigilator.v1.Hello.$Shape|null;
             *   welcome?: invigilator.v1.Welcome.$Shape|null;
             *   batch?: invigilator.v1.EventBatch.$Shape|null;
             *   ack?: invigilator.v1.Ack.$Shape|null;
             *   heartbeat?: invigilator.v1.Heartbeat.$Shape|null;
             *   config?: invigilator.v1.AgentConfig.$Shape|null;
             *   error?: invigilator.v1.Error.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ body?: undefined; enrolRequest?: null; enrolResponse?: null; hello?: null; welcome?: null; batch?: null; ack?: null; heartbeat?: null; config?: null; error?: null }|{ body?: "enrolRequest"; enrolRequest: invigilator.v1.EnrolRequest.$Shape; enrolResponse?: null; hello?: null; welcome?: null; batch?: null; ack?: null; heartbeat?: null; config?: null; error?: null }|{ body?: "enrolResponse"; enrolRequest?: null; enrolResponse: invigilator.v1.EnrolResponse.$Shape; hello?: null; welcome?: null; batch?: null; ack?: null; heartbeat?: null; config?: null; error?: null }|{ body?: "hello"; enrolRequest?: null; enrolResponse?: null; hello: invigilator.v1.Hello.$Shape; welcome?: null; batch?: null; ack?: null; heartbeat?: null; config?: null; error?: null }|{ body?: "welcome"; enrolRequest?: null; enrolResponse?: null; hello?: null; welcome: invigilator.v1.Welcome.$Shape; batch?: null; ack?: null; heartbeat?: null; config?: null; error?: null }|{ body?: "batch"; enrolRequest?: null; enrolResponse?: null; hello?: null; welcome?: null; batch: invigilator.v1.EventBatch.$Shape; ack?: null; heartbeat?: null; config?: null; error?: null }|{ body?: "ack"; enrolRequest?: null; enrolResponse?: null; hello?: null; welcome?: null; batch?: null; ack: invigilator.v1.Ack.$Shape; heartbeat?: null; config?: null; error?: null }|{ body?: "heartbeat"; enrolRequest?: null; enrolResponse?: null; hello?: null; welcome?: null; batch?: null; ack?: null; heartbeat: invigilator.v1.Heartbeat.$Shape; config?: null; error?: null }|{ body?: "config"; enrolRequest?: null; enrolResponse?: null; hello?: null; welcome?: null; batch?: null; ack?: null; heartbeat?: null; config: invigilator.v1.AgentConfig.$Shape; error?: null }|{ body?: "error"; enrolRequest?: null; enrolResponse?: null; hello?: null; welcome?: null; batch?: null; ack?: null; heartbeat?: null; config?: null; error: invigilator.v1.Error.$Shape })
             * )} invigilator.v1.Frame.$Shape
             */

            /**
             * Constructs a new Frame.
             * @memberof invigilator.v1
             * @classdesc Represents a Frame.
             * @constructor
             * @param {invigilator.v1.Frame.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Frame = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Frame enrolRequest.
             * @member {invigilator.v1.EnrolRequest.$Properties|null|undefined} enrolRequest
             * @memberof invigilator.v1.Frame
             * @instance
             */
            Frame.prototype.enrolRequest = null;

            /**
             * Frame enrolResponse.
             * @member {invigilator.v1.EnrolResponse.$Properties|null|undefined} enrolResponse
             * @memberof invigilator.v1.Frame
             * @instance
             */
            Frame.prototype.enrolResponse = null;

            /**
             * Frame hello.
             * @member {invigilator.v1.Hello.$Properties|null|undefined} hello
             * @memberof invigilator.v1.Frame
             * @instance
             */
            Frame.prototype.hello = null;

            /**
             * Frame welcome.
             * @member {invigilator.v1.Welcome.$Properties|null|undefined} welcome
             * @memberof invigilator.v1.Frame
             * @instance
             */
            Frame.prototype.welcome = null;

            /**
             * Frame batch.
             * @member {invigilator.v1.EventBatch.$Properties|null|undefined} batch
             * @memberof invigilator.v1.Frame
             * @instance
             */
            Frame.prototype.batch = null;

            /**
             * Frame ack.
             * @member {invigilator.v1.Ack.$Properties|null|undefined} ack
             * @memberof invigilator.v1.Frame
             * @instance
             */
            Frame.prototype.ack = null;

            /**
             * Frame heartbeat.
             * @member {invigilator.v1.Heartbeat.$Properties|null|undefined} heartbeat
             * @memberof invigilator.v1.Frame
             * @instance
             */
            Frame.prototype.heartbeat = null;

            /**
             * Frame config.
             * @member {invigilator.v1.AgentConfig.$Properties|null|undefined} config
             * @memberof invigilator.v1.Frame
             * @instance
             */
            Frame.prototype.config = null;

            /**
             * Frame error.
             * @member {invigilator.v1.Error.$Properties|null|undefined} error
             * @memberof invigilator.v1.Frame
             * @instance
             */
            Frame.prototype.error = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Frame body.
             * @member {"enrolRequest"|"enrolResponse"|"hello"|"welcome"|"batch"|"ack"|"heartbeat"|"config"|"error"|undefined} body
             * @memberof invigilator.v1.Frame
             * @instance
             */
            $Object.defineProperty(Frame.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["enrolRequest", "enrolResponse", "hello", "welcome", "batch", "ack", "heartbeat", "config", "error"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Frame instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.Frame
             * @static
             * @param {invigilator.v1.Frame.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.Frame} Frame instance
             * @type {{
             *   (properties: invigilator.v1.Frame.$Shape): invigilator.v1.Frame & invigilator.v1.Frame.$Shape;
             *   (properties?: invigilator.v1.Frame.$Properties): invigilator.v1.Frame;
             * }}
             */
            Frame.create = function(properties) {
                return new Frame(properties);
            };

            /**
             * Encodes the specified Frame message. Does not implicitly {@link invigilator.v1.Frame.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.Frame
             * @static
             * @param {invigilator.v1.Frame.$Properties} message Frame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Frame.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.enrolRequest != null && $Object.hasOwnProperty.call(message, "enrolRequest"))
                    $root.invigilator.v1.EnrolRequest.encode(message.enrolRequest, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.enrolResponse != null && $Object.hasOwnProperty.call(message, "enrolResponse"))
                    $root.invigilator.v1.EnrolResponse.encode(message.enrolResponse, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.hello != null && $Object.hasOwnProperty.call(message, "hello"))
                    $root.invigilator.v1.Hello.encode(message.hello, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.welcome != null && $Object.hasOwnProperty.call(message, "welcome"))
                    $root.invigilator.v1.Welcome.encode(message.welcome, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.batch != null && $Object.hasOwnProperty.call(message, "batch"))
                    $root.invigilator.v1.EventBatch.encode(message.batch, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.ack != null && $Object.hasOwnProperty.call(message, "ack"))
                    $root.invigilator.v1.Ack.encode(message.ack, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.heartbeat != null && $Object.hasOwnProperty.call(message, "heartbeat"))
                    $root.invigilator.v1.Heartbeat.encode(message.heartbeat, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.config != null && $Object.hasOwnProperty.call(message, "config"))
                    $root.invigilator.v1.AgentConfig.encode(message.config, writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    $root.invigilator.v1.Error.encode(message.error, writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Frame message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.Frame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.Frame & invigilator.v1.Frame.$Shape} Frame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Frame.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.Frame();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.enrolRequest = $root.invigilator.v1.EnrolRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.enrolRequest);
                            message.body = "enrolRequest";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.enrolResponse = $root.invigilator.v1.EnrolResponse.decode(reader, reader.size(), $undefined, _depth + 1, message.enrolResponse);
                            message.body = "enrolResponse";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.hello = $root.invigilator.v1.Hello.decode(reader, reader.size(), $undefined, _depth + 1, message.hello);
                            message.body = "hello";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.welcome = $root.invigilator.v1.Welcome.decode(reader, reader.size(), $undefined, _depth + 1, message.welcome);
                            message.body = "welcome";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.batch = $root.invigilator.v1.EventBatch.decode(reader, reader.size(), $undefined, _depth + 1, message.batch);
                            message.body = "batch";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.ack = $root.invigilator.v1.Ack.decode(reader, reader.size(), $undefined, _depth + 1, message.ack);
                            message.body = "ack";
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.heartbeat = $root.invigilator.v1.Heartbeat.decode(reader, reader.size(), $undefined, _depth + 1, message.heartbeat);
                            message.body = "heartbeat";
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            message.config = $root.invigilator.v1.AgentConfig.decode(reader, reader.size(), $undefined, _depth + 1, message.config);
                            message.body = "config";
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            message.error = $root.invigilator.v1.Error.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                            message.body = "error";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Frame message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.Frame
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.Frame} Frame
             */
            Frame.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.Frame)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.Frame: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.Frame();
                if (object.enrolRequest != null) {
                    if (!$util.isObject(object.enrolRequest))
                        throw $TypeError(".invigilator.v1.Frame.enrolRequest: object expected");
                    message.enrolRequest = $root.invigilator.v1.EnrolRequest.fromObject(object.enrolRequest, _depth + 1);
                }
                if (object.enrolResponse != null) {
                    if (!$util.isObject(object.enrolResponse))
                        throw $TypeError(".invigilator.v1.Frame.enrolResponse: object expected");
                    message.enrolResponse = $root.invigilator.v1.EnrolResponse.fromObject(object.enrolResponse, _depth + 1);
                }
                if (object.hello != null) {
                    if (!$util.isObject(object.hello))
                        throw $TypeError(".invigilator.v1.Frame.hello: object expected");
                    message.hello = $root.invigilator.v1.Hello.fromObject(object.hello, _depth + 1);
                }
                if (object.welcome != null) {
                    if (!$util.isObject(object.welcome))
                        throw $TypeError(".invigilator.v1.Frame.welcome: object expected");
                    message.welcome = $root.invigilator.v1.Welcome.fromObject(object.welcome, _depth + 1);
                }
                if (object.batch != null) {
                    if (!$util.isObject(object.batch))
                        throw $TypeError(".invigilator.v1.Frame.batch: object expected");
                    message.batch = $root.invigilator.v1.EventBatch.fromObject(object.batch, _depth + 1);
                }
                if (object.ack != null) {
                    if (!$util.isObject(object.ack))
                        throw $TypeError(".invigilator.v1.Frame.ack: object expected");
                    message.ack = $root.invigilator.v1.Ack.fromObject(object.ack, _depth + 1);
                }
                if (object.heartbeat != null) {
                    if (!$util.isObject(object.heartbeat))
                        throw $TypeError(".invigilator.v1.Frame.heartbeat: object expected");
                    message.heartbeat = $root.invigilator.v1.Heartbeat.fromObject(object.heartbeat, _depth + 1);
                }
                if (object.config != null) {
                    if (!$util.isObject(object.config))
                        throw $TypeError(".invigilator.v1.Frame.config: object expected");
                    message.config = $root.invigilator.v1.AgentConfig.fromObject(object.config, _depth + 1);
                }
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw $TypeError(".invigilator.v1.Frame.error: object expected");
                    message.error = $root.invigilator.v1.Error.fromObject(object.error, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a Frame message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.Frame
             * @static
             * @param {invigilator.v1.Frame} message Frame
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Frame.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (message.enrolRequest != null && $Object.hasOwnProperty.call(message, "enrolRequest")) {
                    object.enrolRequest = $root.invigilator.v1.EnrolRequest.toObject(message.enrolRequest, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "enrolRequest";
                }
                if (message.enrolResponse != null && $Object.hasOwnProperty.call(message, "enrolResponse")) {
                    object.enrolResponse = $root.invigilator.v1.EnrolResponse.toObject(message.enrolResponse, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "enrolResponse";
                }
                if (message.hello != null && $Object.hasOwnProperty.call(message, "hello")) {
                    object.hello = $root.invigilator.v1.Hello.toObject(message.hello, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "hello";
                }
                if (message.welcome != null && $Object.hasOwnProperty.call(message, "welcome")) {
                    object.welcome = $root.invigilator.v1.Welcome.toObject(message.welcome, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "welcome";
                }
                if (message.batch != null && $Object.hasOwnProperty.call(message, "batch")) {
                    object.batch = $root.invigilator.v1.EventBatch.toObject(message.batch, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "batch";
                }
                if (message.ack != null && $Object.hasOwnProperty.call(message, "ack")) {
                    object.ack = $root.invigilator.v1.Ack.toObject(message.ack, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "ack";
                }
                if (message.heartbeat != null && $Object.hasOwnProperty.call(message, "heartbeat")) {
                    object.heartbeat = $root.invigilator.v1.Heartbeat.toObject(message.heartbeat, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "heartbeat";
                }
                if (message.config != null && $Object.hasOwnProperty.call(message, "config")) {
                    object.config = $root.invigilator.v1.AgentConfig.toObject(message.config, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "config";
                }
                if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                    object.error = $root.invigilator.v1.Error.toObject(message.error, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "error";
                }
                return object;
            };

            /**
             * Converts this Frame to JSON.
             * @function toJSON
             * @memberof invigilator.v1.Frame
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Frame.prototype.toJSON = function() {
                return Frame.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Frame
             * @function getTypeUrl
             * @memberof invigilator.v1.Frame
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Frame.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.Frame";
            };

            return Frame;
        })();

        v1.EnrolRequest = (function() {

            /**
             * Properties of an EnrolRequest.
             * @typedef {Object} invigilator.v1.EnrolRequest.$Properties
             * @property {string|null} [enrolmentSecret] EnrolRequest enrolmentSecret
             * @property {invigilator.v1.DeviceFacts.$Properties|null} [facts] EnrolRequest facts
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EnrolRequest.
             * @memberof invigilator.v1
             * @interface IEnrolRequest
             * @augments invigilator.v1.EnrolRequest.$Properties
             * @deprecated Use invigilator.v1.EnrolRequest.$Properties instead.
             */

            /**
             * Shape of an EnrolRequest.
             * @typedef {invigilator.v1.EnrolRequest.$Properties} invigilator.v1.EnrolRequest.$Shape
             */

            /**
             * Constructs a new EnrolRequest.
             * @memberof invigilator.v1
             * @classdesc Represents an EnrolRequest.
             * @constructor
             * @param {invigilator.v1.EnrolRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EnrolRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EnrolRequest enrolmentSecret.
             * @member {string} enrolmentSecret
             * @memberof invigilator.v1.EnrolRequest
             * @instance
             */
            EnrolRequest.prototype.enrolmentSecret = "";

            /**
             * EnrolRequest facts.
             * @member {invigilator.v1.DeviceFacts.$Properties|null|undefined} facts
             * @memberof invigilator.v1.EnrolRequest
             * @instance
             */
            EnrolRequest.prototype.facts = null;

            /**
             * Creates a new EnrolRequest instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.EnrolRequest
             * @static
             * @param {invigilator.v1.EnrolRequest.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.EnrolRequest} EnrolRequest instance
             * @type {{
             *   (properties: invigilator.v1.EnrolRequest.$Shape): invigilator.v1.EnrolRequest & invigilator.v1.EnrolRequest.$Shape;
             *   (properties?: invigilator.v1.EnrolRequest.$Properties): invigilator.v1.EnrolRequest;
             * }}
             */
            EnrolRequest.create = function(properties) {
                return new EnrolRequest(properties);
            };

            /**
             * Encodes the specified EnrolRequest message. Does not implicitly {@link invigilator.v1.EnrolRequest.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.EnrolRequest
             * @static
             * @param {invigilator.v1.EnrolRequest.$Properties} message EnrolRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EnrolRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.enrolmentSecret != null && $Object.hasOwnProperty.call(message, "enrolmentSecret") && message.enrolmentSecret !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.enrolmentSecret);
                if (message.facts != null && $Object.hasOwnProperty.call(message, "facts"))
                    $root.invigilator.v1.DeviceFacts.encode(message.facts, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an EnrolRequest message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.EnrolRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.EnrolRequest & invigilator.v1.EnrolRequest.$Shape} EnrolRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EnrolRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.EnrolRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.enrolmentSecret = value;
                            else
                                delete message.enrolmentSecret;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.facts = $root.invigilator.v1.DeviceFacts.decode(reader, reader.size(), $undefined, _depth + 1, message.facts);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an EnrolRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.EnrolRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.EnrolRequest} EnrolRequest
             */
            EnrolRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.EnrolRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.EnrolRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.EnrolRequest();
                if (object.enrolmentSecret != null)
                    if (typeof object.enrolmentSecret !== "string" || object.enrolmentSecret.length)
                        message.enrolmentSecret = $String(object.enrolmentSecret);
                if (object.facts != null) {
                    if (!$util.isObject(object.facts))
                        throw $TypeError(".invigilator.v1.EnrolRequest.facts: object expected");
                    message.facts = $root.invigilator.v1.DeviceFacts.fromObject(object.facts, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an EnrolRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.EnrolRequest
             * @static
             * @param {invigilator.v1.EnrolRequest} message EnrolRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            EnrolRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.enrolmentSecret = "";
                    object.facts = null;
                }
                if (message.enrolmentSecret != null && $Object.hasOwnProperty.call(message, "enrolmentSecret"))
                    object.enrolmentSecret = message.enrolmentSecret;
                if (message.facts != null && $Object.hasOwnProperty.call(message, "facts"))
                    object.facts = $root.invigilator.v1.DeviceFacts.toObject(message.facts, options, _depth + 1);
                return object;
            };

            /**
             * Converts this EnrolRequest to JSON.
             * @function toJSON
             * @memberof invigilator.v1.EnrolRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            EnrolRequest.prototype.toJSON = function() {
                return EnrolRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for EnrolRequest
             * @function getTypeUrl
             * @memberof invigilator.v1.EnrolRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EnrolRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.EnrolRequest";
            };

            return EnrolRequest;
        })();

        v1.EnrolResponse = (function() {

            /**
             * Properties of an EnrolResponse.
             * @typedef {Object} invigilator.v1.EnrolResponse.$Properties
             * @property {string|null} [deviceId] EnrolResponse deviceId
             * @property {string|null} [deviceCredential] EnrolResponse deviceCredential
             * @property {string|null} [schoolId] EnrolResponse schoolId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EnrolResponse.
             * @memberof invigilator.v1
             * @interface IEnrolResponse
             * @augments invigilator.v1.EnrolResponse.$Properties
             * @deprecated Use invigilator.v1.EnrolResponse.$Properties instead.
             */

            /**
             * Shape of an EnrolResponse.
             * @typedef {invigilator.v1.EnrolResponse.$Properties} invigilator.v1.EnrolResponse.$Shape
             */

            /**
             * Constructs a new EnrolResponse.
             * @memberof invigilator.v1
             * @classdesc Represents an EnrolResponse.
             * @constructor
             * @param {invigilator.v1.EnrolResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EnrolResponse = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EnrolResponse deviceId.
             * @member {string} deviceId
             * @memberof invigilator.v1.EnrolResponse
             * @instance
             */
            EnrolResponse.prototype.deviceId = "";

            /**
             * EnrolResponse deviceCredential.
             * @member {string} deviceCredential
             * @memberof invigilator.v1.EnrolResponse
             * @instance
             */
            EnrolResponse.prototype.deviceCredential = "";

            /**
             * EnrolResponse schoolId.
             * @member {string} schoolId
             * @memberof invigilator.v1.EnrolResponse
             * @instance
             */
            EnrolResponse.prototype.schoolId = "";

            /**
             * Creates a new EnrolResponse instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.EnrolResponse
             * @static
             * @param {invigilator.v1.EnrolResponse.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.EnrolResponse} EnrolResponse instance
             * @type {{
             *   (properties: invigilator.v1.EnrolResponse.$Shape): invigilator.v1.EnrolResponse & invigilator.v1.EnrolResponse.$Shape;
             *   (properties?: invigilator.v1.EnrolResponse.$Properties): invigilator.v1.EnrolResponse;
             * }}
             */
            EnrolResponse.create = function(properties) {
                return new EnrolResponse(properties);
            };

            /**
             * Encodes the specified EnrolResponse message. Does not implicitly {@link invigilator.v1.EnrolResponse.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.EnrolResponse
             * @static
             * @param {invigilator.v1.EnrolResponse.$Properties} message EnrolResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EnrolResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId") && message.deviceId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.deviceId);
                if (message.deviceCredential != null && $Object.hasOwnProperty.call(message, "deviceCredential") && message.deviceCredential !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.deviceCredential);
                if (message.schoolId != null && $Object.hasOwnProperty.call(message, "schoolId") && message.schoolId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.schoolId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an EnrolResponse message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.EnrolResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.EnrolResponse & invigilator.v1.EnrolResponse.$Shape} EnrolResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EnrolResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.EnrolResponse();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.deviceId = value;
                            else
                                delete message.deviceId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.deviceCredential = value;
                            else
                                delete message.deviceCredential;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.schoolId = value;
                            else
                                delete message.schoolId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an EnrolResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.EnrolResponse
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.EnrolResponse} EnrolResponse
             */
            EnrolResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.EnrolResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.EnrolResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.EnrolResponse();
                if (object.deviceId != null)
                    if (typeof object.deviceId !== "string" || object.deviceId.length)
                        message.deviceId = $String(object.deviceId);
                if (object.deviceCredential != null)
                    if (typeof object.deviceCredential !== "string" || object.deviceCredential.length)
                        message.deviceCredential = $String(object.deviceCredential);
                if (object.schoolId != null)
                    if (typeof object.schoolId !== "string" || object.schoolId.length)
                        message.schoolId = $String(object.schoolId);
                return message;
            };

            /**
             * Creates a plain object from an EnrolResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.EnrolResponse
             * @static
             * @param {invigilator.v1.EnrolResponse} message EnrolResponse
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            EnrolResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.deviceId = "";
                    object.deviceCredential = "";
                    object.schoolId = "";
                }
                if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId"))
                    object.deviceId = message.deviceId;
                if (message.deviceCredential != null && $Object.hasOwnProperty.call(message, "deviceCredential"))
                    object.deviceCredential = message.deviceCredential;
                if (message.schoolId != null && $Object.hasOwnProperty.call(message, "schoolId"))
                    object.schoolId = message.schoolId;
                return object;
            };

            /**
             * Converts this EnrolResponse to JSON.
             * @function toJSON
             * @memberof invigilator.v1.EnrolResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            EnrolResponse.prototype.toJSON = function() {
                return EnrolResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for EnrolResponse
             * @function getTypeUrl
             * @memberof invigilator.v1.EnrolResponse
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EnrolResponse.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.EnrolResponse";
            };

            return EnrolResponse;
        })();

        v1.DeviceFacts = (function() {

            /**
             * Properties of a DeviceFacts.
             * @typedef {Object} invigilator.v1.DeviceFacts.$Properties
             * @property {string|null} [hostname] DeviceFacts hostname
             * @property {invigilator.v1.Platform|null} [platform] DeviceFacts platform
             * @property {string|null} [osName] DeviceFacts osName
             * @property {string|null} [osVersion] DeviceFacts osVersion
             * @property {string|null} [agentVersion] DeviceFacts agentVersion
             * @property {string|null} [hardwareSerial] DeviceFacts hardwareSerial
             * @property {string|null} [hardwareModel] DeviceFacts hardwareModel
             * @property {string|null} [directoryDeviceId] DeviceFacts directoryDeviceId
             * @property {string|null} [assetId] DeviceFacts assetId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DeviceFacts.
             * @memberof invigilator.v1
             * @interface IDeviceFacts
             * @augments invigilator.v1.DeviceFacts.$Properties
             * @deprecated Use invigilator.v1.DeviceFacts.$Properties instead.
             */

            /**
             * Shape of a DeviceFacts.
             * @typedef {invigilator.v1.DeviceFacts.$Properties} invigilator.v1.DeviceFacts.$Shape
             */

            /**
             * Constructs a new DeviceFacts.
             * @memberof invigilator.v1
             * @classdesc Represents a DeviceFacts.
             * @constructor
             * @param {invigilator.v1.DeviceFacts.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DeviceFacts = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DeviceFacts hostname.
             * @member {string} hostname
             * @memberof invigilator.v1.DeviceFacts
             * @instance
             */
            DeviceFacts.prototype.hostname = "";

            /**
             * DeviceFacts platform.
             * @member {invigilator.v1.Platform} platform
             * @memberof invigilator.v1.DeviceFacts
             * @instance
             */
            DeviceFacts.prototype.platform = 0;

            /**
             * DeviceFacts osName.
             * @member {string} osName
             * @memberof invigilator.v1.DeviceFacts
             * @instance
             */
            DeviceFacts.prototype.osName = "";

            /**
             * DeviceFacts osVersion.
             * @member {string} osVersion
             * @memberof invigilator.v1.DeviceFacts
             * @instance
             */
            DeviceFacts.prototype.osVersion = "";

            /**
             * DeviceFacts agentVersion.
             * @member {string} agentVersion
             * @memberof invigilator.v1.DeviceFacts
             * @instance
             */
            DeviceFacts.prototype.agentVersion = "";

            /**
             * DeviceFacts hardwareSerial.
             * @member {string} hardwareSerial
             * @memberof invigilator.v1.DeviceFacts
             * @instance
             */
            DeviceFacts.prototype.hardwareSerial = "";

            /**
             * DeviceFacts hardwareModel.
             * @member {string} hardwareModel
             * @memberof invigilator.v1.DeviceFacts
             * @instance
             */
            DeviceFacts.prototype.hardwareModel = "";

            /**
             * DeviceFacts directoryDeviceId.
             * @member {string} directoryDeviceId
             * @memberof invigilator.v1.DeviceFacts
             * @instance
             */
            DeviceFacts.prototype.directoryDeviceId = "";

            /**
             * DeviceFacts assetId.
             * @member {string} assetId
             * @memberof invigilator.v1.DeviceFacts
             * @instance
             */
            DeviceFacts.prototype.assetId = "";

            /**
             * Creates a new DeviceFacts instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.DeviceFacts
             * @static
             * @param {invigilator.v1.DeviceFacts.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.DeviceFacts} DeviceFacts instance
             * @type {{
             *   (properties: invigilator.v1.DeviceFacts.$Shape): invigilator.v1.DeviceFacts & invigilator.v1.DeviceFacts.$Shape;
             *   (properties?: invigilator.v1.DeviceFacts.$Properties): invigilator.v1.DeviceFacts;
             * }}
             */
            DeviceFacts.create = function(properties) {
                return new DeviceFacts(properties);
            };

            /**
             * Encodes the specified DeviceFacts message. Does not implicitly {@link invigilator.v1.DeviceFacts.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.DeviceFacts
             * @static
             * @param {invigilator.v1.DeviceFacts.$Properties} message DeviceFacts message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeviceFacts.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.hostname != null && $Object.hasOwnProperty.call(message, "hostname") && message.hostname !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.hostname);
                if (message.platform != null && $Object.hasOwnProperty.call(message, "platform") && message.platform !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.platform);
                if (message.osName != null && $Object.hasOwnProperty.call(message, "osName") && message.osName !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.osName);
                if (message.osVersion != null && $Object.hasOwnProperty.call(message, "osVersion") && message.osVersion !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.osVersion);
                if (message.agentVersion != null && $Object.hasOwnProperty.call(message, "agentVersion") && message.agentVersion !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.agentVersion);
                if (message.hardwareSerial != null && $Object.hasOwnProperty.call(message, "hardwareSerial") && message.hardwareSerial !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.hardwareSerial);
                if (message.hardwareModel != null && $Object.hasOwnProperty.call(message, "hardwareModel") && message.hardwareModel !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.hardwareModel);
                if (message.directoryDeviceId != null && $Object.hasOwnProperty.call(message, "directoryDeviceId") && message.directoryDeviceId !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.directoryDeviceId);
                if (message.assetId != null && $Object.hasOwnProperty.call(message, "assetId") && message.assetId !== "")
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.assetId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DeviceFacts message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.DeviceFacts
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.DeviceFacts & invigilator.v1.DeviceFacts.$Shape} DeviceFacts
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeviceFacts.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.DeviceFacts();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.hostname = value;
                            else
                                delete message.hostname;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.platform = value;
                            else
                                delete message.platform;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.osName = value;
                            else
                                delete message.osName;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.osVersion = value;
                            else
                                delete message.osVersion;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.agentVersion = value;
                            else
                                delete message.agentVersion;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.hardwareSerial = value;
                            else
                                delete message.hardwareSerial;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.hardwareModel = value;
                            else
                                delete message.hardwareModel;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.directoryDeviceId = value;
                            else
                                delete message.directoryDeviceId;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.assetId = value;
                            else
                                delete message.assetId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a DeviceFacts message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.DeviceFacts
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.DeviceFacts} DeviceFacts
             */
            DeviceFacts.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.DeviceFacts)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.DeviceFacts: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.DeviceFacts();
                if (object.hostname != null)
                    if (typeof object.hostname !== "string" || object.hostname.length)
                        message.hostname = $String(object.hostname);
                if (object.platform !== 0 && (typeof object.platform !== "string" || $root.invigilator.v1.Platform[object.platform] !== 0))
                    switch (object.platform) {
                    case "PLATFORM_UNSPECIFIED":
                    case 0:
                        message.platform = 0;
                        break;
                    case "PLATFORM_LINUX":
                    case 1:
                        message.platform = 1;
                        break;
                    case "PLATFORM_WINDOWS":
                    case 2:
                        message.platform = 2;
                        break;
                    case "PLATFORM_MACOS":
                    case 3:
                        message.platform = 3;
                        break;
                    case "PLATFORM_CHROMEOS":
                    case 4:
                        message.platform = 4;
                        break;
                    default:
                        if (typeof object.platform === "number" && (object.platform | 0) === object.platform)
                            message.platform = object.platform;
                    }
                if (object.osName != null)
                    if (typeof object.osName !== "string" || object.osName.length)
                        message.osName = $String(object.osName);
                if (object.osVersion != null)
                    if (typeof object.osVersion !== "string" || object.osVersion.length)
                        message.osVersion = $String(object.osVersion);
                if (object.agentVersion != null)
                    if (typeof object.agentVersion !== "string" || object.agentVersion.length)
                        message.agentVersion = $String(object.agentVersion);
                if (object.hardwareSerial != null)
                    if (typeof object.hardwareSerial !== "string" || object.hardwareSerial.length)
                        message.hardwareSerial = $String(object.hardwareSerial);
                if (object.hardwareModel != null)
                    if (typeof object.hardwareModel !== "string" || object.hardwareModel.length)
                        message.hardwareModel = $String(object.hardwareModel);
                if (object.directoryDeviceId != null)
                    if (typeof object.directoryDeviceId !== "string" || object.directoryDeviceId.length)
                        message.directoryDeviceId = $String(object.directoryDeviceId);
                if (object.assetId != null)
                    if (typeof object.assetId !== "string" || object.assetId.length)
                        message.assetId = $String(object.assetId);
                return message;
            };

            /**
             * Creates a plain object from a DeviceFacts message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.DeviceFacts
             * @static
             * @param {invigilator.v1.DeviceFacts} message DeviceFacts
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DeviceFacts.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.hostname = "";
                    object.platform = options.enums === $String ? "PLATFORM_UNSPECIFIED" : 0;
                    object.osName = "";
                    object.osVersion = "";
                    object.agentVersion = "";
                    object.hardwareSerial = "";
                    object.hardwareModel = "";
                    object.directoryDeviceId = "";
                    object.assetId = "";
                }
                if (message.hostname != null && $Object.hasOwnProperty.call(message, "hostname"))
                    object.hostname = message.hostname;
                if (message.platform != null && $Object.hasOwnProperty.call(message, "platform"))
                    object.platform = options.enums === $String ? $root.invigilator.v1.Platform[message.platform] === $undefined ? message.platform : $root.invigilator.v1.Platform[message.platform] : message.platform;
                if (message.osName != null && $Object.hasOwnProperty.call(message, "osName"))
                    object.osName = message.osName;
                if (message.osVersion != null && $Object.hasOwnProperty.call(message, "osVersion"))
                    object.osVersion = message.osVersion;
                if (message.agentVersion != null && $Object.hasOwnProperty.call(message, "agentVersion"))
                    object.agentVersion = message.agentVersion;
                if (message.hardwareSerial != null && $Object.hasOwnProperty.call(message, "hardwareSerial"))
                    object.hardwareSerial = message.hardwareSerial;
                if (message.hardwareModel != null && $Object.hasOwnProperty.call(message, "hardwareModel"))
                    object.hardwareModel = message.hardwareModel;
                if (message.directoryDeviceId != null && $Object.hasOwnProperty.call(message, "directoryDeviceId"))
                    object.directoryDeviceId = message.directoryDeviceId;
                if (message.assetId != null && $Object.hasOwnProperty.call(message, "assetId"))
                    object.assetId = message.assetId;
                return object;
            };

            /**
             * Converts this DeviceFacts to JSON.
             * @function toJSON
             * @memberof invigilator.v1.DeviceFacts
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DeviceFacts.prototype.toJSON = function() {
                return DeviceFacts.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for DeviceFacts
             * @function getTypeUrl
             * @memberof invigilator.v1.DeviceFacts
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DeviceFacts.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.DeviceFacts";
            };

            return DeviceFacts;
        })();

        /**
         * Platform enum.
         * @name invigilator.v1.Platform
         * @enum {number}
         * @property {number} PLATFORM_UNSPECIFIED=0 PLATFORM_UNSPECIFIED value
         * @property {number} PLATFORM_LINUX=1 PLATFORM_LINUX value
         * @property {number} PLATFORM_WINDOWS=2 PLATFORM_WINDOWS value
         * @property {number} PLATFORM_MACOS=3 PLATFORM_MACOS value
         * @property {number} PLATFORM_CHROMEOS=4 PLATFORM_CHROMEOS value
         */
        v1.Platform = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "PLATFORM_UNSPECIFIED"] = 0;
            values[valuesById[1] = "PLATFORM_LINUX"] = 1;
            values[valuesById[2] = "PLATFORM_WINDOWS"] = 2;
            values[valuesById[3] = "PLATFORM_MACOS"] = 3;
            values[valuesById[4] = "PLATFORM_CHROMEOS"] = 4;
            return values;
        })();

        v1.Hello = (function() {

            /**
             * Properties of a Hello.
             * @typedef {Object} invigilator.v1.Hello.$Properties
             * @property {string|null} [deviceId] Hello deviceId
             * @property {string|null} [deviceCredential] Hello deviceCredential
             * @property {invigilator.v1.DeviceFacts.$Properties|null} [facts] Hello facts
             * @property {string|null} [outboxId] Hello outboxId
             * @property {number|null} [highestSeq] Hello highestSeq
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Hello.
             * @memberof invigilator.v1
             * @interface IHello
             * @augments invigilator.v1.Hello.$Properties
             * @deprecated Use invigilator.v1.Hello.$Properties instead.
             */

            /**
             * Shape of a Hello.
             * @typedef {invigilator.v1.Hello.$Properties} invigilator.v1.Hello.$Shape
             */

            /**
             * Constructs a new Hello.
             * @memberof invigilator.v1
             * @classdesc Represents a Hello.
             * @constructor
             * @param {invigilator.v1.Hello.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Hello = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Hello deviceId.
             * @member {string} deviceId
             * @memberof invigilator.v1.Hello
             * @instance
             */
            Hello.prototype.deviceId = "";

            /**
             * Hello deviceCredential.
             * @member {string} deviceCredential
             * @memberof invigilator.v1.Hello
             * @instance
             */
            Hello.prototype.deviceCredential = "";

            /**
             * Hello facts.
             * @member {invigilator.v1.DeviceFacts.$Properties|null|undefined} facts
             * @memberof invigilator.v1.Hello
             * @instance
             */
            Hello.prototype.facts = null;

            /**
             * Hello outboxId.
             * @member {string} outboxId
             * @memberof invigilator.v1.Hello
             * @instance
             */
            Hello.prototype.outboxId = "";

            /**
             * Hello highestSeq.
             * @member {number} highestSeq
             * @memberof invigilator.v1.Hello
             * @instance
             */
            Hello.prototype.highestSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Hello instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.Hello
             * @static
             * @param {invigilator.v1.Hello.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.Hello} Hello instance
             * @type {{
             *   (properties: invigilator.v1.Hello.$Shape): invigilator.v1.Hello & invigilator.v1.Hello.$Shape;
             *   (properties?: invigilator.v1.Hello.$Properties): invigilator.v1.Hello;
             * }}
             */
            Hello.create = function(properties) {
                return new Hello(properties);
            };

            /**
             * Encodes the specified Hello message. Does not implicitly {@link invigilator.v1.Hello.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.Hello
             * @static
             * @param {invigilator.v1.Hello.$Properties} message Hello message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Hello.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId") && message.deviceId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.deviceId);
                if (message.deviceCredential != null && $Object.hasOwnProperty.call(message, "deviceCredential") && message.deviceCredential !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.deviceCredential);
                if (message.facts != null && $Object.hasOwnProperty.call(message, "facts"))
                    $root.invigilator.v1.DeviceFacts.encode(message.facts, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.outboxId != null && $Object.hasOwnProperty.call(message, "outboxId") && message.outboxId !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.outboxId);
                if (message.highestSeq != null && $Object.hasOwnProperty.call(message, "highestSeq") && (typeof message.highestSeq === "object" ? message.highestSeq.low || message.highestSeq.high : message.highestSeq !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.highestSeq);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Hello message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.Hello
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.Hello & invigilator.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Hello.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.Hello();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.deviceId = value;
                            else
                                delete message.deviceId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.deviceCredential = value;
                            else
                                delete message.deviceCredential;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.facts = $root.invigilator.v1.DeviceFacts.decode(reader, reader.size(), $undefined, _depth + 1, message.facts);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.outboxId = value;
                            else
                                delete message.outboxId;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.highestSeq = value;
                            else
                                delete message.highestSeq;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Hello message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.Hello
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.Hello} Hello
             */
            Hello.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.Hello)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.Hello: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.Hello();
                if (object.deviceId != null)
                    if (typeof object.deviceId !== "string" || object.deviceId.length)
                        message.deviceId = $String(object.deviceId);
                if (object.deviceCredential != null)
                    if (typeof object.deviceCredential !== "string" || object.deviceCredential.length)
                        message.deviceCredential = $String(object.deviceCredential);
                if (object.facts != null) {
                    if (!$util.isObject(object.facts))
                        throw $TypeError(".invigilator.v1.Hello.facts: object expected");
                    message.facts = $root.invigilator.v1.DeviceFacts.fromObject(object.facts, _depth + 1);
                }
                if (object.outboxId != null)
                    if (typeof object.outboxId !== "string" || object.outboxId.length)
                        message.outboxId = $String(object.outboxId);
                if (object.highestSeq != null)
                    if (typeof object.highestSeq === "object" ? object.highestSeq.low || object.highestSeq.high : $Number(object.highestSeq) !== 0)
                        if ($util.Long)
                            message.highestSeq = $util.Long.fromValue(object.highestSeq, true);
                        else if (typeof object.highestSeq === "string")
                            message.highestSeq = $parseInt(object.highestSeq, 10);
                        else if (typeof object.highestSeq === "number")
                            message.highestSeq = object.highestSeq;
                        else if (typeof object.highestSeq === "object")
                            message.highestSeq = new $util.LongBits(object.highestSeq.low >>> 0, object.highestSeq.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a Hello message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.Hello
             * @static
             * @param {invigilator.v1.Hello} message Hello
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Hello.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.deviceId = "";
                    object.deviceCredential = "";
                    object.facts = null;
                    object.outboxId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.highestSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.highestSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId"))
                    object.deviceId = message.deviceId;
                if (message.deviceCredential != null && $Object.hasOwnProperty.call(message, "deviceCredential"))
                    object.deviceCredential = message.deviceCredential;
                if (message.facts != null && $Object.hasOwnProperty.call(message, "facts"))
                    object.facts = $root.invigilator.v1.DeviceFacts.toObject(message.facts, options, _depth + 1);
                if (message.outboxId != null && $Object.hasOwnProperty.call(message, "outboxId"))
                    object.outboxId = message.outboxId;
                if (message.highestSeq != null && $Object.hasOwnProperty.call(message, "highestSeq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.highestSeq = typeof message.highestSeq === "number" ? $BigInt(message.highestSeq) : $util.Long.fromBits(message.highestSeq.low >>> 0, message.highestSeq.high >>> 0, true).toBigInt();
                    else if (typeof message.highestSeq === "number")
                        object.highestSeq = options.longs === $String ? $String(message.highestSeq) : message.highestSeq;
                    else
                        object.highestSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.highestSeq) : options.longs === $Number ? new $util.LongBits(message.highestSeq.low >>> 0, message.highestSeq.high >>> 0).toNumber(true) : message.highestSeq;
                return object;
            };

            /**
             * Converts this Hello to JSON.
             * @function toJSON
             * @memberof invigilator.v1.Hello
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Hello.prototype.toJSON = function() {
                return Hello.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Hello
             * @function getTypeUrl
             * @memberof invigilator.v1.Hello
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Hello.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.Hello";
            };

            return Hello;
        })();

        v1.Welcome = (function() {

            /**
             * Properties of a Welcome.
             * @typedef {Object} invigilator.v1.Welcome.$Properties
             * @property {number|null} [committedSeq] Welcome committedSeq
             * @property {invigilator.v1.AgentConfig.$Properties|null} [config] Welcome config
             * @property {boolean|null} [newSeries] Welcome newSeries
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Welcome.
             * @memberof invigilator.v1
             * @interface IWelcome
             * @augments invigilator.v1.Welcome.$Properties
             * @deprecated Use invigilator.v1.Welcome.$Properties instead.
             */

            /**
             * Shape of a Welcome.
             * @typedef {invigilator.v1.Welcome.$Properties} invigilator.v1.Welcome.$Shape
             */

            /**
             * Constructs a new Welcome.
             * @memberof invigilator.v1
             * @classdesc Represents a Welcome.
             * @constructor
             * @param {invigilator.v1.Welcome.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Welcome = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Welcome committedSeq.
             * @member {number} committedSeq
             * @memberof invigilator.v1.Welcome
             * @instance
             */
            Welcome.prototype.committedSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Welcome config.
             * @member {invigilator.v1.AgentConfig.$Properties|null|undefined} config
             * @memberof invigilator.v1.Welcome
             * @instance
             */
            Welcome.prototype.config = null;

            /**
             * Welcome newSeries.
             * @member {boolean} newSeries
             * @memberof invigilator.v1.Welcome
             * @instance
             */
            Welcome.prototype.newSeries = false;

            /**
             * Creates a new Welcome instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.Welcome
             * @static
             * @param {invigilator.v1.Welcome.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.Welcome} Welcome instance
             * @type {{
             *   (properties: invigilator.v1.Welcome.$Shape): invigilator.v1.Welcome & invigilator.v1.Welcome.$Shape;
             *   (properties?: invigilator.v1.Welcome.$Properties): invigilator.v1.Welcome;
             * }}
             */
            Welcome.create = function(properties) {
                return new Welcome(properties);
            };

            /**
             * Encodes the specified Welcome message. Does not implicitly {@link invigilator.v1.Welcome.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.Welcome
             * @static
             * @param {invigilator.v1.Welcome.$Properties} message Welcome message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Welcome.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.committedSeq != null && $Object.hasOwnProperty.call(message, "committedSeq") && (typeof message.committedSeq === "object" ? message.committedSeq.low || message.committedSeq.high : message.committedSeq !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.committedSeq);
                if (message.config != null && $Object.hasOwnProperty.call(message, "config"))
                    $root.invigilator.v1.AgentConfig.encode(message.config, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.newSeries != null && $Object.hasOwnProperty.call(message, "newSeries") && message.newSeries !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.newSeries);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Welcome message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.Welcome
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.Welcome & invigilator.v1.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Welcome.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.Welcome();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.committedSeq = value;
                            else
                                delete message.committedSeq;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.config = $root.invigilator.v1.AgentConfig.decode(reader, reader.size(), $undefined, _depth + 1, message.config);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.newSeries = value;
                            else
                                delete message.newSeries;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Welcome message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.Welcome
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.Welcome} Welcome
             */
            Welcome.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.Welcome)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.Welcome: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.Welcome();
                if (object.committedSeq != null)
                    if (typeof object.committedSeq === "object" ? object.committedSeq.low || object.committedSeq.high : $Number(object.committedSeq) !== 0)
                        if ($util.Long)
                            message.committedSeq = $util.Long.fromValue(object.committedSeq, true);
                        else if (typeof object.committedSeq === "string")
                            message.committedSeq = $parseInt(object.committedSeq, 10);
                        else if (typeof object.committedSeq === "number")
                            message.committedSeq = object.committedSeq;
                        else if (typeof object.committedSeq === "object")
                            message.committedSeq = new $util.LongBits(object.committedSeq.low >>> 0, object.committedSeq.high >>> 0).toNumber(true);
                if (object.config != null) {
                    if (!$util.isObject(object.config))
                        throw $TypeError(".invigilator.v1.Welcome.config: object expected");
                    message.config = $root.invigilator.v1.AgentConfig.fromObject(object.config, _depth + 1);
                }
                if (object.newSeries != null)
                    if (object.newSeries)
                        message.newSeries = $Boolean(object.newSeries);
                return message;
            };

            /**
             * Creates a plain object from a Welcome message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.Welcome
             * @static
             * @param {invigilator.v1.Welcome} message Welcome
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Welcome.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.committedSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.committedSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.config = null;
                    object.newSeries = false;
                }
                if (message.committedSeq != null && $Object.hasOwnProperty.call(message, "committedSeq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.committedSeq = typeof message.committedSeq === "number" ? $BigInt(message.committedSeq) : $util.Long.fromBits(message.committedSeq.low >>> 0, message.committedSeq.high >>> 0, true).toBigInt();
                    else if (typeof message.committedSeq === "number")
                        object.committedSeq = options.longs === $String ? $String(message.committedSeq) : message.committedSeq;
                    else
                        object.committedSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.committedSeq) : options.longs === $Number ? new $util.LongBits(message.committedSeq.low >>> 0, message.committedSeq.high >>> 0).toNumber(true) : message.committedSeq;
                if (message.config != null && $Object.hasOwnProperty.call(message, "config"))
                    object.config = $root.invigilator.v1.AgentConfig.toObject(message.config, options, _depth + 1);
                if (message.newSeries != null && $Object.hasOwnProperty.call(message, "newSeries"))
                    object.newSeries = message.newSeries;
                return object;
            };

            /**
             * Converts this Welcome to JSON.
             * @function toJSON
             * @memberof invigilator.v1.Welcome
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Welcome.prototype.toJSON = function() {
                return Welcome.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Welcome
             * @function getTypeUrl
             * @memberof invigilator.v1.Welcome
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Welcome.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.Welcome";
            };

            return Welcome;
        })();

        v1.EventBatch = (function() {

            /**
             * Properties of an EventBatch.
             * @typedef {Object} invigilator.v1.EventBatch.$Properties
             * @property {Array.<invigilator.v1.Event.$Properties>|null} [events] EventBatch events
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EventBatch.
             * @memberof invigilator.v1
             * @interface IEventBatch
             * @augments invigilator.v1.EventBatch.$Properties
             * @deprecated Use invigilator.v1.EventBatch.$Properties instead.
             */

            /**
             * Shape of an EventBatch.
             * @typedef {{
             *   events?: Array.<invigilator.v1.Event.$Shape>|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} invigilator.v1.EventBatch.$Shape
             */

            /**
             * Constructs a new EventBatch.
             * @memberof invigilator.v1
             * @classdesc Represents an EventBatch.
             * @constructor
             * @param {invigilator.v1.EventBatch.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EventBatch = function (properties) {
                this.events = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EventBatch events.
             * @member {Array.<invigilator.v1.Event.$Properties>} events
             * @memberof invigilator.v1.EventBatch
             * @instance
             */
            EventBatch.prototype.events = $util.emptyArray;

            /**
             * Creates a new EventBatch instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.EventBatch
             * @static
             * @param {invigilator.v1.EventBatch.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.EventBatch} EventBatch instance
             * @type {{
             *   (properties: invigilator.v1.EventBatch.$Shape): invigilator.v1.EventBatch & invigilator.v1.EventBatch.$Shape;
             *   (properties?: invigilator.v1.EventBatch.$Properties): invigilator.v1.EventBatch;
             * }}
             */
            EventBatch.create = function(properties) {
                return new EventBatch(properties);
            };

            /**
             * Encodes the specified EventBatch message. Does not implicitly {@link invigilator.v1.EventBatch.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.EventBatch
             * @static
             * @param {invigilator.v1.EventBatch.$Properties} message EventBatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EventBatch.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.events != null && message.events.length)
                    for (let i = 0; i < message.events.length; ++i)
                        $root.invigilator.v1.Event.encode(message.events[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an EventBatch message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.EventBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.EventBatch & invigilator.v1.EventBatch.$Shape} EventBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EventBatch.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.EventBatch();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.events && message.events.length))
                                message.events = [];
                            message.events.push($root.invigilator.v1.Event.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an EventBatch message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.EventBatch
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.EventBatch} EventBatch
             */
            EventBatch.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.EventBatch)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.EventBatch: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.EventBatch();
                if (object.events) {
                    if (!$Array.isArray(object.events))
                        throw $TypeError(".invigilator.v1.EventBatch.events: array expected");
                    message.events = $Array(object.events.length);
                    for (let i = 0; i < object.events.length; ++i) {
                        if (!$util.isObject(object.events[i]))
                            throw $TypeError(".invigilator.v1.EventBatch.events: object expected");
                        message.events[i] = $root.invigilator.v1.Event.fromObject(object.events[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from an EventBatch message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.EventBatch
             * @static
             * @param {invigilator.v1.EventBatch} message EventBatch
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            EventBatch.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.events = [];
                if (message.events && message.events.length) {
                    object.events = $Array(message.events.length);
                    for (let j = 0; j < message.events.length; ++j)
                        object.events[j] = $root.invigilator.v1.Event.toObject(message.events[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this EventBatch to JSON.
             * @function toJSON
             * @memberof invigilator.v1.EventBatch
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            EventBatch.prototype.toJSON = function() {
                return EventBatch.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for EventBatch
             * @function getTypeUrl
             * @memberof invigilator.v1.EventBatch
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EventBatch.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.EventBatch";
            };

            return EventBatch;
        })();

        v1.Ack = (function() {

            /**
             * Properties of an Ack.
             * @typedef {Object} invigilator.v1.Ack.$Properties
             * @property {number|null} [upToSeq] Ack upToSeq
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Ack.
             * @memberof invigilator.v1
             * @interface IAck
             * @augments invigilator.v1.Ack.$Properties
             * @deprecated Use invigilator.v1.Ack.$Properties instead.
             */

            /**
             * Shape of an Ack.
             * @typedef {invigilator.v1.Ack.$Properties} invigilator.v1.Ack.$Shape
             */

            /**
             * Constructs a new Ack.
             * @memberof invigilator.v1
             * @classdesc Represents an Ack.
             * @constructor
             * @param {invigilator.v1.Ack.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Ack = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Ack upToSeq.
             * @member {number} upToSeq
             * @memberof invigilator.v1.Ack
             * @instance
             */
            Ack.prototype.upToSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Ack instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.Ack
             * @static
             * @param {invigilator.v1.Ack.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.Ack} Ack instance
             * @type {{
             *   (properties: invigilator.v1.Ack.$Shape): invigilator.v1.Ack & invigilator.v1.Ack.$Shape;
             *   (properties?: invigilator.v1.Ack.$Properties): invigilator.v1.Ack;
             * }}
             */
            Ack.create = function(properties) {
                return new Ack(properties);
            };

            /**
             * Encodes the specified Ack message. Does not implicitly {@link invigilator.v1.Ack.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.Ack
             * @static
             * @param {invigilator.v1.Ack.$Properties} message Ack message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ack.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.upToSeq != null && $Object.hasOwnProperty.call(message, "upToSeq") && (typeof message.upToSeq === "object" ? message.upToSeq.low || message.upToSeq.high : message.upToSeq !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.upToSeq);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Ack message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.Ack
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.Ack & invigilator.v1.Ack.$Shape} Ack
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ack.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.Ack();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.upToSeq = value;
                            else
                                delete message.upToSeq;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an Ack message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.Ack
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.Ack} Ack
             */
            Ack.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.Ack)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.Ack: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.Ack();
                if (object.upToSeq != null)
                    if (typeof object.upToSeq === "object" ? object.upToSeq.low || object.upToSeq.high : $Number(object.upToSeq) !== 0)
                        if ($util.Long)
                            message.upToSeq = $util.Long.fromValue(object.upToSeq, true);
                        else if (typeof object.upToSeq === "string")
                            message.upToSeq = $parseInt(object.upToSeq, 10);
                        else if (typeof object.upToSeq === "number")
                            message.upToSeq = object.upToSeq;
                        else if (typeof object.upToSeq === "object")
                            message.upToSeq = new $util.LongBits(object.upToSeq.low >>> 0, object.upToSeq.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from an Ack message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.Ack
             * @static
             * @param {invigilator.v1.Ack} message Ack
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Ack.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.upToSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.upToSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.upToSeq != null && $Object.hasOwnProperty.call(message, "upToSeq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.upToSeq = typeof message.upToSeq === "number" ? $BigInt(message.upToSeq) : $util.Long.fromBits(message.upToSeq.low >>> 0, message.upToSeq.high >>> 0, true).toBigInt();
                    else if (typeof message.upToSeq === "number")
                        object.upToSeq = options.longs === $String ? $String(message.upToSeq) : message.upToSeq;
                    else
                        object.upToSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.upToSeq) : options.longs === $Number ? new $util.LongBits(message.upToSeq.low >>> 0, message.upToSeq.high >>> 0).toNumber(true) : message.upToSeq;
                return object;
            };

            /**
             * Converts this Ack to JSON.
             * @function toJSON
             * @memberof invigilator.v1.Ack
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Ack.prototype.toJSON = function() {
                return Ack.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Ack
             * @function getTypeUrl
             * @memberof invigilator.v1.Ack
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Ack.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.Ack";
            };

            return Ack;
        })();

        v1.Heartbeat = (function() {

            /**
             * Properties of a Heartbeat.
             * @typedef {Object} invigilator.v1.Heartbeat.$Properties
             * @property {number|null} [sentAtMs] Heartbeat sentAtMs
             * @property {number|null} [outboxDepth] Heartbeat outboxDepth
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Heartbeat.
             * @memberof invigilator.v1
             * @interface IHeartbeat
             * @augments invigilator.v1.Heartbeat.$Properties
             * @deprecated Use invigilator.v1.Heartbeat.$Properties instead.
             */

            /**
             * Shape of a Heartbeat.
             * @typedef {invigilator.v1.Heartbeat.$Properties} invigilator.v1.Heartbeat.$Shape
             */

            /**
             * Constructs a new Heartbeat.
             * @memberof invigilator.v1
             * @classdesc Represents a Heartbeat.
             * @constructor
             * @param {invigilator.v1.Heartbeat.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Heartbeat = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Heartbeat sentAtMs.
             * @member {number} sentAtMs
             * @memberof invigilator.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.sentAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Heartbeat outboxDepth.
             * @member {number} outboxDepth
             * @memberof invigilator.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.outboxDepth = 0;

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.Heartbeat
             * @static
             * @param {invigilator.v1.Heartbeat.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.Heartbeat} Heartbeat instance
             * @type {{
             *   (properties: invigilator.v1.Heartbeat.$Shape): invigilator.v1.Heartbeat & invigilator.v1.Heartbeat.$Shape;
             *   (properties?: invigilator.v1.Heartbeat.$Properties): invigilator.v1.Heartbeat;
             * }}
             */
            Heartbeat.create = function(properties) {
                return new Heartbeat(properties);
            };

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link invigilator.v1.Heartbeat.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.Heartbeat
             * @static
             * @param {invigilator.v1.Heartbeat.$Properties} message Heartbeat message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Heartbeat.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.sentAtMs != null && $Object.hasOwnProperty.call(message, "sentAtMs") && (typeof message.sentAtMs === "object" ? message.sentAtMs.low || message.sentAtMs.high : message.sentAtMs !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).int64(message.sentAtMs);
                if (message.outboxDepth != null && $Object.hasOwnProperty.call(message, "outboxDepth") && message.outboxDepth !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.outboxDepth);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.Heartbeat
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.Heartbeat & invigilator.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Heartbeat.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.Heartbeat();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.sentAtMs = value;
                            else
                                delete message.sentAtMs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.outboxDepth = value;
                            else
                                delete message.outboxDepth;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.Heartbeat
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.Heartbeat} Heartbeat
             */
            Heartbeat.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.Heartbeat)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.Heartbeat: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.Heartbeat();
                if (object.sentAtMs != null)
                    if (typeof object.sentAtMs === "object" ? object.sentAtMs.low || object.sentAtMs.high : $Number(object.sentAtMs) !== 0)
                        if ($util.Long)
                            message.sentAtMs = $util.Long.fromValue(object.sentAtMs, false);
                        else if (typeof object.sentAtMs === "string")
                            message.sentAtMs = $parseInt(object.sentAtMs, 10);
                        else if (typeof object.sentAtMs === "number")
                            message.sentAtMs = object.sentAtMs;
                        else if (typeof object.sentAtMs === "object")
                            message.sentAtMs = new $util.LongBits(object.sentAtMs.low >>> 0, object.sentAtMs.high >>> 0).toNumber();
                if (object.outboxDepth != null)
                    if ($Number(object.outboxDepth) !== 0)
                        message.outboxDepth = object.outboxDepth >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.Heartbeat
             * @static
             * @param {invigilator.v1.Heartbeat} message Heartbeat
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Heartbeat.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.sentAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sentAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.outboxDepth = 0;
                }
                if (message.sentAtMs != null && $Object.hasOwnProperty.call(message, "sentAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sentAtMs = typeof message.sentAtMs === "number" ? $BigInt(message.sentAtMs) : $util.Long.fromBits(message.sentAtMs.low >>> 0, message.sentAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.sentAtMs === "number")
                        object.sentAtMs = options.longs === $String ? $String(message.sentAtMs) : message.sentAtMs;
                    else
                        object.sentAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.sentAtMs) : options.longs === $Number ? new $util.LongBits(message.sentAtMs.low >>> 0, message.sentAtMs.high >>> 0).toNumber() : message.sentAtMs;
                if (message.outboxDepth != null && $Object.hasOwnProperty.call(message, "outboxDepth"))
                    object.outboxDepth = message.outboxDepth;
                return object;
            };

            /**
             * Converts this Heartbeat to JSON.
             * @function toJSON
             * @memberof invigilator.v1.Heartbeat
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Heartbeat.prototype.toJSON = function() {
                return Heartbeat.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Heartbeat
             * @function getTypeUrl
             * @memberof invigilator.v1.Heartbeat
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Heartbeat.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.Heartbeat";
            };

            return Heartbeat;
        })();

        v1.AgentConfig = (function() {

            /**
             * Properties of an AgentConfig.
             * @typedef {Object} invigilator.v1.AgentConfig.$Properties
             * @property {string|null} [policyVersion] AgentConfig policyVersion
             * @property {Object.<string,string>|null} [checkSchedules] AgentConfig checkSchedules
             * @property {Array.<string>|null} [removableMountRoots] AgentConfig removableMountRoots
             * @property {boolean|null} [hashFileNames] AgentConfig hashFileNames
             * @property {number|null} [heartbeatSeconds] AgentConfig heartbeatSeconds
             * @property {invigilator.v1.MisuseSettings.$Properties|null} [misuse] AgentConfig misuse
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AgentConfig.
             * @memberof invigilator.v1
             * @interface IAgentConfig
             * @augments invigilator.v1.AgentConfig.$Properties
             * @deprecated Use invigilator.v1.AgentConfig.$Properties instead.
             */

            /**
             * Shape of an AgentConfig.
             * @typedef {invigilator.v1.AgentConfig.$Properties} invigilator.v1.AgentConfig.$Shape
             */

            /**
             * Constructs a new AgentConfig.
             * @memberof invigilator.v1
             * @classdesc Represents an AgentConfig.
             * @constructor
             * @param {invigilator.v1.AgentConfig.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AgentConfig = function (properties) {
                this.checkSchedules = {};
                this.removableMountRoots = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AgentConfig policyVersion.
             * @member {string} policyVersion
             * @memberof invigilator.v1.AgentConfig
             * @instance
             */
            AgentConfig.prototype.policyVersion = "";

            /**
             * AgentConfig checkSchedules.
             * @member {Object.<string,string>} checkSchedules
             * @memberof invigilator.v1.AgentConfig
             * @instance
             */
            AgentConfig.prototype.checkSchedules = $util.emptyObject;

            /**
             * AgentConfig removableMountRoots.
             * @member {Array.<string>} removableMountRoots
             * @memberof invigilator.v1.AgentConfig
             * @instance
             */
            AgentConfig.prototype.removableMountRoots = $util.emptyArray;

            /**
             * AgentConfig hashFileNames.
             * @member {boolean} hashFileNames
             * @memberof invigilator.v1.AgentConfig
             * @instance
             */
            AgentConfig.prototype.hashFileNames = false;

            /**
             * AgentConfig heartbeatSeconds.
             * @member {number} heartbeatSeconds
             * @memberof invigilator.v1.AgentConfig
             * @instance
             */
            AgentConfig.prototype.heartbeatSeconds = 0;

            /**
             * AgentConfig misuse.
             * @member {invigilator.v1.MisuseSettings.$Properties|null|undefined} misuse
             * @memberof invigilator.v1.AgentConfig
             * @instance
             */
            AgentConfig.prototype.misuse = null;

            /**
             * Creates a new AgentConfig instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.AgentConfig
             * @static
             * @param {invigilator.v1.AgentConfig.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.AgentConfig} AgentConfig instance
             * @type {{
             *   (properties: invigilator.v1.AgentConfig.$Shape): invigilator.v1.AgentConfig & invigilator.v1.AgentConfig.$Shape;
             *   (properties?: invigilator.v1.AgentConfig.$Properties): invigilator.v1.AgentConfig;
             * }}
             */
            AgentConfig.create = function(properties) {
                return new AgentConfig(properties);
            };

            /**
             * Encodes the specified AgentConfig message. Does not implicitly {@link invigilator.v1.AgentConfig.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.AgentConfig
             * @static
             * @param {invigilator.v1.AgentConfig.$Properties} message AgentConfig message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AgentConfig.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.policyVersion != null && $Object.hasOwnProperty.call(message, "policyVersion") && message.policyVersion !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.policyVersion);
                if (message.checkSchedules != null && $Object.hasOwnProperty.call(message, "checkSchedules"))
                    for (let keys = $Object.keys(message.checkSchedules), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.checkSchedules[keys[i]]).ldelim();
                if (message.removableMountRoots != null && message.removableMountRoots.length)
                    for (let i = 0; i < message.removableMountRoots.length; ++i)
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.removableMountRoots[i]);
                if (message.hashFileNames != null && $Object.hasOwnProperty.call(message, "hashFileNames") && message.hashFileNames !== false)
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.hashFileNames);
                if (message.heartbeatSeconds != null && $Object.hasOwnProperty.call(message, "heartbeatSeconds") && message.heartbeatSeconds !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.heartbeatSeconds);
                if (message.misuse != null && $Object.hasOwnProperty.call(message, "misuse"))
                    $root.invigilator.v1.MisuseSettings.encode(message.misuse, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AgentConfig message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.AgentConfig
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.AgentConfig & invigilator.v1.AgentConfig.$Shape} AgentConfig
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AgentConfig.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.AgentConfig();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.policyVersion = value;
                            else
                                delete message.policyVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (message.checkSchedules === $util.emptyObject)
                                message.checkSchedules = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                let tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 2)
                                        break;
                                    value = reader.stringVerify();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.checkSchedules, key);
                            message.checkSchedules[key] = value;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.removableMountRoots && message.removableMountRoots.length))
                                message.removableMountRoots = [];
                            message.removableMountRoots.push(reader.stringVerify());
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.hashFileNames = value;
                            else
                                delete message.hashFileNames;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.heartbeatSeconds = value;
                            else
                                delete message.heartbeatSeconds;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.misuse = $root.invigilator.v1.MisuseSettings.decode(reader, reader.size(), $undefined, _depth + 1, message.misuse);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an AgentConfig message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.AgentConfig
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.AgentConfig} AgentConfig
             */
            AgentConfig.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.AgentConfig)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.AgentConfig: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.AgentConfig();
                if (object.policyVersion != null)
                    if (typeof object.policyVersion !== "string" || object.policyVersion.length)
                        message.policyVersion = $String(object.policyVersion);
                if (object.checkSchedules) {
                    if (!$util.isObject(object.checkSchedules))
                        throw $TypeError(".invigilator.v1.AgentConfig.checkSchedules: object expected");
                    message.checkSchedules = {};
                    for (let keys = $Object.keys(object.checkSchedules), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.checkSchedules, keys[i]);
                        message.checkSchedules[keys[i]] = $String(object.checkSchedules[keys[i]]);
                    }
                }
                if (object.removableMountRoots) {
                    if (!$Array.isArray(object.removableMountRoots))
                        throw $TypeError(".invigilator.v1.AgentConfig.removableMountRoots: array expected");
                    message.removableMountRoots = $Array(object.removableMountRoots.length);
                    for (let i = 0; i < object.removableMountRoots.length; ++i)
                        message.removableMountRoots[i] = $String(object.removableMountRoots[i]);
                }
                if (object.hashFileNames != null)
                    if (object.hashFileNames)
                        message.hashFileNames = $Boolean(object.hashFileNames);
                if (object.heartbeatSeconds != null)
                    if ($Number(object.heartbeatSeconds) !== 0)
                        message.heartbeatSeconds = object.heartbeatSeconds >>> 0;
                if (object.misuse != null) {
                    if (!$util.isObject(object.misuse))
                        throw $TypeError(".invigilator.v1.AgentConfig.misuse: object expected");
                    message.misuse = $root.invigilator.v1.MisuseSettings.fromObject(object.misuse, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an AgentConfig message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.AgentConfig
             * @static
             * @param {invigilator.v1.AgentConfig} message AgentConfig
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AgentConfig.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.removableMountRoots = [];
                if (options.objects || options.defaults)
                    object.checkSchedules = {};
                if (options.defaults) {
                    object.policyVersion = "";
                    object.hashFileNames = false;
                    object.heartbeatSeconds = 0;
                    object.misuse = null;
                }
                if (message.policyVersion != null && $Object.hasOwnProperty.call(message, "policyVersion"))
                    object.policyVersion = message.policyVersion;
                let keys2;
                if (message.checkSchedules && (keys2 = $Object.keys(message.checkSchedules)).length) {
                    object.checkSchedules = {};
                    for (let j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.checkSchedules, keys2[j]);
                        object.checkSchedules[keys2[j]] = message.checkSchedules[keys2[j]];
                    }
                }
                if (message.removableMountRoots && message.removableMountRoots.length) {
                    object.removableMountRoots = $Array(message.removableMountRoots.length);
                    for (let j = 0; j < message.removableMountRoots.length; ++j)
                        object.removableMountRoots[j] = message.removableMountRoots[j];
                }
                if (message.hashFileNames != null && $Object.hasOwnProperty.call(message, "hashFileNames"))
                    object.hashFileNames = message.hashFileNames;
                if (message.heartbeatSeconds != null && $Object.hasOwnProperty.call(message, "heartbeatSeconds"))
                    object.heartbeatSeconds = message.heartbeatSeconds;
                if (message.misuse != null && $Object.hasOwnProperty.call(message, "misuse"))
                    object.misuse = $root.invigilator.v1.MisuseSettings.toObject(message.misuse, options, _depth + 1);
                return object;
            };

            /**
             * Converts this AgentConfig to JSON.
             * @function toJSON
             * @memberof invigilator.v1.AgentConfig
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AgentConfig.prototype.toJSON = function() {
                return AgentConfig.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for AgentConfig
             * @function getTypeUrl
             * @memberof invigilator.v1.AgentConfig
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AgentConfig.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.AgentConfig";
            };

            return AgentConfig;
        })();

        v1.MisuseSettings = (function() {

            /**
             * Properties of a MisuseSettings.
             * @typedef {Object} invigilator.v1.MisuseSettings.$Properties
             * @property {boolean|null} [safeguards] MisuseSettings safeguards
             * @property {boolean|null} [bypassTools] MisuseSettings bypassTools
             * @property {Array.<string>|null} [bypassToolNames] MisuseSettings bypassToolNames
             * @property {Array.<string>|null} [approvedTools] MisuseSettings approvedTools
             * @property {boolean|null} [downloads] MisuseSettings downloads
             * @property {Array.<string>|null} [downloadExtensions] MisuseSettings downloadExtensions
             * @property {boolean|null} [publicWifi] MisuseSettings publicWifi
             * @property {Array.<string>|null} [schoolSsids] MisuseSettings schoolSsids
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a MisuseSettings.
             * @memberof invigilator.v1
             * @interface IMisuseSettings
             * @augments invigilator.v1.MisuseSettings.$Properties
             * @deprecated Use invigilator.v1.MisuseSettings.$Properties instead.
             */

            /**
             * Shape of a MisuseSettings.
             * @typedef {invigilator.v1.MisuseSettings.$Properties} invigilator.v1.MisuseSettings.$Shape
             */

            /**
             * Constructs a new MisuseSettings.
             * @memberof invigilator.v1
             * @classdesc Represents a MisuseSettings.
             * @constructor
             * @param {invigilator.v1.MisuseSettings.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const MisuseSettings = function (properties) {
                this.bypassToolNames = [];
                this.approvedTools = [];
                this.downloadExtensions = [];
                this.schoolSsids = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * MisuseSettings safeguards.
             * @member {boolean} safeguards
             * @memberof invigilator.v1.MisuseSettings
             * @instance
             */
            MisuseSettings.prototype.safeguards = false;

            /**
             * MisuseSettings bypassTools.
             * @member {boolean} bypassTools
             * @memberof invigilator.v1.MisuseSettings
             * @instance
             */
            MisuseSettings.prototype.bypassTools = false;

            /**
             * MisuseSettings bypassToolNames.
             * @member {Array.<string>} bypassToolNames
             * @memberof invigilator.v1.MisuseSettings
             * @instance
             */
            MisuseSettings.prototype.bypassToolNames = $util.emptyArray;

            /**
             * MisuseSettings approvedTools.
             * @member {Array.<string>} approvedTools
             * @memberof invigilator.v1.MisuseSettings
             * @instance
             */
            MisuseSettings.prototype.approvedTools = $util.emptyArray;

            /**
             * MisuseSettings downloads.
             * @member {boolean} downloads
             * @memberof invigilator.v1.MisuseSettings
             * @instance
             */
            MisuseSettings.prototype.downloads = false;

            /**
             * MisuseSettings downloadExtensions.
             * @member {Array.<string>} downloadExtensions
             * @memberof invigilator.v1.MisuseSettings
             * @instance
             */
            MisuseSettings.prototype.downloadExtensions = $util.emptyArray;

            /**
             * MisuseSettings publicWifi.
             * @member {boolean} publicWifi
             * @memberof invigilator.v1.MisuseSettings
             * @instance
             */
            MisuseSettings.prototype.publicWifi = false;

            /**
             * MisuseSettings schoolSsids.
             * @member {Array.<string>} schoolSsids
             * @memberof invigilator.v1.MisuseSettings
             * @instance
             */
            MisuseSettings.prototype.schoolSsids = $util.emptyArray;

            /**
             * Creates a new MisuseSettings instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.MisuseSettings
             * @static
             * @param {invigilator.v1.MisuseSettings.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.MisuseSettings} MisuseSettings instance
             * @type {{
             *   (properties: invigilator.v1.MisuseSettings.$Shape): invigilator.v1.MisuseSettings & invigilator.v1.MisuseSettings.$Shape;
             *   (properties?: invigilator.v1.MisuseSettings.$Properties): invigilator.v1.MisuseSettings;
             * }}
             */
            MisuseSettings.create = function(properties) {
                return new MisuseSettings(properties);
            };

            /**
             * Encodes the specified MisuseSettings message. Does not implicitly {@link invigilator.v1.MisuseSettings.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.MisuseSettings
             * @static
             * @param {invigilator.v1.MisuseSettings.$Properties} message MisuseSettings message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            MisuseSettings.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.safeguards != null && $Object.hasOwnProperty.call(message, "safeguards") && message.safeguards !== false)
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.safeguards);
                if (message.bypassTools != null && $Object.hasOwnProperty.call(message, "bypassTools") && message.bypassTools !== false)
                    writer.uint32(/* id 2, wireType 0 =*/16).bool(message.bypassTools);
                if (message.bypassToolNames != null && message.bypassToolNames.length)
                    for (let i = 0; i < message.bypassToolNames.length; ++i)
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.bypassToolNames[i]);
                if (message.approvedTools != null && message.approvedTools.length)
                    for (let i = 0; i < message.approvedTools.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).string(message.approvedTools[i]);
                if (message.downloads != null && $Object.hasOwnProperty.call(message, "downloads") && message.downloads !== false)
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.downloads);
                if (message.downloadExtensions != null && message.downloadExtensions.length)
                    for (let i = 0; i < message.downloadExtensions.length; ++i)
                        writer.uint32(/* id 6, wireType 2 =*/50).string(message.downloadExtensions[i]);
                if (message.publicWifi != null && $Object.hasOwnProperty.call(message, "publicWifi") && message.publicWifi !== false)
                    writer.uint32(/* id 7, wireType 0 =*/56).bool(message.publicWifi);
                if (message.schoolSsids != null && message.schoolSsids.length)
                    for (let i = 0; i < message.schoolSsids.length; ++i)
                        writer.uint32(/* id 8, wireType 2 =*/66).string(message.schoolSsids[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a MisuseSettings message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.MisuseSettings
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.MisuseSettings & invigilator.v1.MisuseSettings.$Shape} MisuseSettings
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            MisuseSettings.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.MisuseSettings();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.safeguards = value;
                            else
                                delete message.safeguards;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.bypassTools = value;
                            else
                                delete message.bypassTools;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.bypassToolNames && message.bypassToolNames.length))
                                message.bypassToolNames = [];
                            message.bypassToolNames.push(reader.stringVerify());
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.approvedTools && message.approvedTools.length))
                                message.approvedTools = [];
                            message.approvedTools.push(reader.stringVerify());
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.downloads = value;
                            else
                                delete message.downloads;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if (!(message.downloadExtensions && message.downloadExtensions.length))
                                message.downloadExtensions = [];
                            message.downloadExtensions.push(reader.stringVerify());
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.publicWifi = value;
                            else
                                delete message.publicWifi;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if (!(message.schoolSsids && message.schoolSsids.length))
                                message.schoolSsids = [];
                            message.schoolSsids.push(reader.stringVerify());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a MisuseSettings message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.MisuseSettings
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.MisuseSettings} MisuseSettings
             */
            MisuseSettings.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.MisuseSettings)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.MisuseSettings: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.MisuseSettings();
                if (object.safeguards != null)
                    if (object.safeguards)
                        message.safeguards = $Boolean(object.safeguards);
                if (object.bypassTools != null)
                    if (object.bypassTools)
                        message.bypassTools = $Boolean(object.bypassTools);
                if (object.bypassToolNames) {
                    if (!$Array.isArray(object.bypassToolNames))
                        throw $TypeError(".invigilator.v1.MisuseSettings.bypassToolNames: array expected");
                    message.bypassToolNames = $Array(object.bypassToolNames.length);
                    for (let i = 0; i < object.bypassToolNames.length; ++i)
                        message.bypassToolNames[i] = $String(object.bypassToolNames[i]);
                }
                if (object.approvedTools) {
                    if (!$Array.isArray(object.approvedTools))
                        throw $TypeError(".invigilator.v1.MisuseSettings.approvedTools: array expected");
                    message.approvedTools = $Array(object.approvedTools.length);
                    for (let i = 0; i < object.approvedTools.length; ++i)
                        message.approvedTools[i] = $String(object.approvedTools[i]);
                }
                if (object.downloads != null)
                    if (object.downloads)
                        message.downloads = $Boolean(object.downloads);
                if (object.downloadExtensions) {
                    if (!$Array.isArray(object.downloadExtensions))
                        throw $TypeError(".invigilator.v1.MisuseSettings.downloadExtensions: array expected");
                    message.downloadExtensions = $Array(object.downloadExtensions.length);
                    for (let i = 0; i < object.downloadExtensions.length; ++i)
                        message.downloadExtensions[i] = $String(object.downloadExtensions[i]);
                }
                if (object.publicWifi != null)
                    if (object.publicWifi)
                        message.publicWifi = $Boolean(object.publicWifi);
                if (object.schoolSsids) {
                    if (!$Array.isArray(object.schoolSsids))
                        throw $TypeError(".invigilator.v1.MisuseSettings.schoolSsids: array expected");
                    message.schoolSsids = $Array(object.schoolSsids.length);
                    for (let i = 0; i < object.schoolSsids.length; ++i)
                        message.schoolSsids[i] = $String(object.schoolSsids[i]);
                }
                return message;
            };

            /**
             * Creates a plain object from a MisuseSettings message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.MisuseSettings
             * @static
             * @param {invigilator.v1.MisuseSettings} message MisuseSettings
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            MisuseSettings.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.bypassToolNames = [];
                    object.approvedTools = [];
                    object.downloadExtensions = [];
                    object.schoolSsids = [];
                }
                if (options.defaults) {
                    object.safeguards = false;
                    object.bypassTools = false;
                    object.downloads = false;
                    object.publicWifi = false;
                }
                if (message.safeguards != null && $Object.hasOwnProperty.call(message, "safeguards"))
                    object.safeguards = message.safeguards;
                if (message.bypassTools != null && $Object.hasOwnProperty.call(message, "bypassTools"))
                    object.bypassTools = message.bypassTools;
                if (message.bypassToolNames && message.bypassToolNames.length) {
                    object.bypassToolNames = $Array(message.bypassToolNames.length);
                    for (let j = 0; j < message.bypassToolNames.length; ++j)
                        object.bypassToolNames[j] = message.bypassToolNames[j];
                }
                if (message.approvedTools && message.approvedTools.length) {
                    object.approvedTools = $Array(message.approvedTools.length);
                    for (let j = 0; j < message.approvedTools.length; ++j)
                        object.approvedTools[j] = message.approvedTools[j];
                }
                if (message.downloads != null && $Object.hasOwnProperty.call(message, "downloads"))
                    object.downloads = message.downloads;
                if (message.downloadExtensions && message.downloadExtensions.length) {
                    object.downloadExtensions = $Array(message.downloadExtensions.length);
                    for (let j = 0; j < message.downloadExtensions.length; ++j)
                        object.downloadExtensions[j] = message.downloadExtensions[j];
                }
                if (message.publicWifi != null && $Object.hasOwnProperty.call(message, "publicWifi"))
                    object.publicWifi = message.publicWifi;
                if (message.schoolSsids && message.schoolSsids.length) {
                    object.schoolSsids = $Array(message.schoolSsids.length);
                    for (let j = 0; j < message.schoolSsids.length; ++j)
                        object.schoolSsids[j] = message.schoolSsids[j];
                }
                return object;
            };

            /**
             * Converts this MisuseSettings to JSON.
             * @function toJSON
             * @memberof invigilator.v1.MisuseSettings
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            MisuseSettings.prototype.toJSON = function() {
                return MisuseSettings.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for MisuseSettings
             * @function getTypeUrl
             * @memberof invigilator.v1.MisuseSettings
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            MisuseSettings.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.MisuseSettings";
            };

            return MisuseSettings;
        })();

        v1.Error = (function() {

            /**
             * Properties of an Error.
             * @typedef {Object} invigilator.v1.Error.$Properties
             * @property {string|null} [code] Error code
             * @property {string|null} [message] Error message
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Error.
             * @memberof invigilator.v1
             * @interface IError
             * @augments invigilator.v1.Error.$Properties
             * @deprecated Use invigilator.v1.Error.$Properties instead.
             */

            /**
             * Shape of an Error.
             * @typedef {invigilator.v1.Error.$Properties} invigilator.v1.Error.$Shape
             */

            /**
             * Constructs a new Error.
             * @memberof invigilator.v1
             * @classdesc Represents an Error.
             * @constructor
             * @param {invigilator.v1.Error.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Error = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Error code.
             * @member {string} code
             * @memberof invigilator.v1.Error
             * @instance
             */
            Error.prototype.code = "";

            /**
             * Error message.
             * @member {string} message
             * @memberof invigilator.v1.Error
             * @instance
             */
            Error.prototype.message = "";

            /**
             * Creates a new Error instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.Error
             * @static
             * @param {invigilator.v1.Error.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.Error} Error instance
             * @type {{
             *   (properties: invigilator.v1.Error.$Shape): invigilator.v1.Error & invigilator.v1.Error.$Shape;
             *   (properties?: invigilator.v1.Error.$Properties): invigilator.v1.Error;
             * }}
             */
            Error.create = function(properties) {
                return new Error(properties);
            };

            /**
             * Encodes the specified Error message. Does not implicitly {@link invigilator.v1.Error.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.Error
             * @static
             * @param {invigilator.v1.Error.$Properties} message Error message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Error.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Error message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.Error
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.Error & invigilator.v1.Error.$Shape} Error
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Error.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.Error();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an Error message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.Error
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.Error} Error
             */
            Error.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.Error)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.Error: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.Error();
                if (object.code != null)
                    if (typeof object.code !== "string" || object.code.length)
                        message.code = $String(object.code);
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                return message;
            };

            /**
             * Creates a plain object from an Error message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.Error
             * @static
             * @param {invigilator.v1.Error} message Error
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Error.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.code = "";
                    object.message = "";
                }
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = message.code;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                return object;
            };

            /**
             * Converts this Error to JSON.
             * @function toJSON
             * @memberof invigilator.v1.Error
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Error.prototype.toJSON = function() {
                return Error.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Error
             * @function getTypeUrl
             * @memberof invigilator.v1.Error
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Error.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.Error";
            };

            return Error;
        })();

        v1.Event = (function() {

            /**
             * Properties of an Event.
             * @typedef {Object} invigilator.v1.Event.$Properties
             * @property {number|null} [seq] Event seq
             * @property {number|null} [occurredAtMs] Event occurredAtMs
             * @property {invigilator.v1.Observation.$Properties|null} [observation] Event observation
             * @property {invigilator.v1.MisuseEvent.$Properties|null} [misuse] Event misuse
             * @property {invigilator.v1.AgentStopping.$Properties|null} [stopping] Event stopping
             * @property {"observation"|"misuse"|"stopping"} [kind] Event kind
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Event.
             * @memberof invigilator.v1
             * @interface IEvent
             * @augments invigilator.v1.Event.$Properties
             * @deprecated Use invigilator.v1.Event.$Properties instead.
             */

            /**
             * Narrowed shape of an Event.
             * @typedef {{
             *   seq?: number|null;
             *   occurredAtMs?: number|null;
             *   observation?: invigilator.v1.Observation.$Shape|null;
             *   misuse?: invigilator.v1.MisuseEvent.$Shape|null;
             *   stopping?: invigilator.v1.AgentStopping.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ kind?: undefined; observation?: null; misuse?: null; stopping?: null }|{ kind?: "observation"; observation: invigilator.v1.Observation.$Shape; misuse?: null; stopping?: null }|{ kind?: "misuse"; observation?: null; misuse: invigilator.v1.MisuseEvent.$Shape; stopping?: null }|{ kind?: "stopping"; observation?: null; misuse?: null; stopping: invigilator.v1.AgentStopping.$Shape })
             * )} invigilator.v1.Event.$Shape
             */

            /**
             * Constructs a new Event.
             * @memberof invigilator.v1
             * @classdesc Represents an Event.
             * @constructor
             * @param {invigilator.v1.Event.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Event = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Event seq.
             * @member {number} seq
             * @memberof invigilator.v1.Event
             * @instance
             */
            Event.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Event occurredAtMs.
             * @member {number} occurredAtMs
             * @memberof invigilator.v1.Event
             * @instance
             */
            Event.prototype.occurredAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Event observation.
             * @member {invigilator.v1.Observation.$Properties|null|undefined} observation
             * @memberof invigilator.v1.Event
             * @instance
             */
            Event.prototype.observation = null;

            /**
             * Event misuse.
             * @member {invigilator.v1.MisuseEvent.$Properties|null|undefined} misuse
             * @memberof invigilator.v1.Event
             * @instance
             */
            Event.prototype.misuse = null;

            /**
             * Event stopping.
             * @member {invigilator.v1.AgentStopping.$Properties|null|undefined} stopping
             * @memberof invigilator.v1.Event
             * @instance
             */
            Event.prototype.stopping = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Event kind.
             * @member {"observation"|"misuse"|"stopping"|undefined} kind
             * @memberof invigilator.v1.Event
             * @instance
             */
            $Object.defineProperty(Event.prototype, "kind", {
                get: $util.oneOfGetter($oneOfFields = ["observation", "misuse", "stopping"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Event instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.Event
             * @static
             * @param {invigilator.v1.Event.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.Event} Event instance
             * @type {{
             *   (properties: invigilator.v1.Event.$Shape): invigilator.v1.Event & invigilator.v1.Event.$Shape;
             *   (properties?: invigilator.v1.Event.$Properties): invigilator.v1.Event;
             * }}
             */
            Event.create = function(properties) {
                return new Event(properties);
            };

            /**
             * Encodes the specified Event message. Does not implicitly {@link invigilator.v1.Event.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.Event
             * @static
             * @param {invigilator.v1.Event.$Properties} message Event message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Event.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.seq);
                if (message.occurredAtMs != null && $Object.hasOwnProperty.call(message, "occurredAtMs") && (typeof message.occurredAtMs === "object" ? message.occurredAtMs.low || message.occurredAtMs.high : message.occurredAtMs !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).int64(message.occurredAtMs);
                if (message.observation != null && $Object.hasOwnProperty.call(message, "observation"))
                    $root.invigilator.v1.Observation.encode(message.observation, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.misuse != null && $Object.hasOwnProperty.call(message, "misuse"))
                    $root.invigilator.v1.MisuseEvent.encode(message.misuse, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.stopping != null && $Object.hasOwnProperty.call(message, "stopping"))
                    $root.invigilator.v1.AgentStopping.encode(message.stopping, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Event message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.Event
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.Event & invigilator.v1.Event.$Shape} Event
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Event.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.Event();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.occurredAtMs = value;
                            else
                                delete message.occurredAtMs;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.observation = $root.invigilator.v1.Observation.decode(reader, reader.size(), $undefined, _depth + 1, message.observation);
                            message.kind = "observation";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.misuse = $root.invigilator.v1.MisuseEvent.decode(reader, reader.size(), $undefined, _depth + 1, message.misuse);
                            message.kind = "misuse";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.stopping = $root.invigilator.v1.AgentStopping.decode(reader, reader.size(), $undefined, _depth + 1, message.stopping);
                            message.kind = "stopping";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an Event message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.Event
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.Event} Event
             */
            Event.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.Event)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.Event: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.Event();
                if (object.seq != null)
                    if (typeof object.seq === "object" ? object.seq.low || object.seq.high : $Number(object.seq) !== 0)
                        if ($util.Long)
                            message.seq = $util.Long.fromValue(object.seq, true);
                        else if (typeof object.seq === "string")
                            message.seq = $parseInt(object.seq, 10);
                        else if (typeof object.seq === "number")
                            message.seq = object.seq;
                        else if (typeof object.seq === "object")
                            message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber(true);
                if (object.occurredAtMs != null)
                    if (typeof object.occurredAtMs === "object" ? object.occurredAtMs.low || object.occurredAtMs.high : $Number(object.occurredAtMs) !== 0)
                        if ($util.Long)
                            message.occurredAtMs = $util.Long.fromValue(object.occurredAtMs, false);
                        else if (typeof object.occurredAtMs === "string")
                            message.occurredAtMs = $parseInt(object.occurredAtMs, 10);
                        else if (typeof object.occurredAtMs === "number")
                            message.occurredAtMs = object.occurredAtMs;
                        else if (typeof object.occurredAtMs === "object")
                            message.occurredAtMs = new $util.LongBits(object.occurredAtMs.low >>> 0, object.occurredAtMs.high >>> 0).toNumber();
                if (object.observation != null) {
                    if (!$util.isObject(object.observation))
                        throw $TypeError(".invigilator.v1.Event.observation: object expected");
                    message.observation = $root.invigilator.v1.Observation.fromObject(object.observation, _depth + 1);
                }
                if (object.misuse != null) {
                    if (!$util.isObject(object.misuse))
                        throw $TypeError(".invigilator.v1.Event.misuse: object expected");
                    message.misuse = $root.invigilator.v1.MisuseEvent.fromObject(object.misuse, _depth + 1);
                }
                if (object.stopping != null) {
                    if (!$util.isObject(object.stopping))
                        throw $TypeError(".invigilator.v1.Event.stopping: object expected");
                    message.stopping = $root.invigilator.v1.AgentStopping.fromObject(object.stopping, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an Event message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.Event
             * @static
             * @param {invigilator.v1.Event} message Event
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Event.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.seq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.occurredAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.occurredAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.seq = typeof message.seq === "number" ? $BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, true).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === $String ? $String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === $String ? $util.Long.prototype.toString.call(message.seq) : options.longs === $Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber(true) : message.seq;
                if (message.occurredAtMs != null && $Object.hasOwnProperty.call(message, "occurredAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.occurredAtMs = typeof message.occurredAtMs === "number" ? $BigInt(message.occurredAtMs) : $util.Long.fromBits(message.occurredAtMs.low >>> 0, message.occurredAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.occurredAtMs === "number")
                        object.occurredAtMs = options.longs === $String ? $String(message.occurredAtMs) : message.occurredAtMs;
                    else
                        object.occurredAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.occurredAtMs) : options.longs === $Number ? new $util.LongBits(message.occurredAtMs.low >>> 0, message.occurredAtMs.high >>> 0).toNumber() : message.occurredAtMs;
                if (message.observation != null && $Object.hasOwnProperty.call(message, "observation")) {
                    object.observation = $root.invigilator.v1.Observation.toObject(message.observation, options, _depth + 1);
                    if (options.oneofs)
                        object.kind = "observation";
                }
                if (message.misuse != null && $Object.hasOwnProperty.call(message, "misuse")) {
                    object.misuse = $root.invigilator.v1.MisuseEvent.toObject(message.misuse, options, _depth + 1);
                    if (options.oneofs)
                        object.kind = "misuse";
                }
                if (message.stopping != null && $Object.hasOwnProperty.call(message, "stopping")) {
                    object.stopping = $root.invigilator.v1.AgentStopping.toObject(message.stopping, options, _depth + 1);
                    if (options.oneofs)
                        object.kind = "stopping";
                }
                return object;
            };

            /**
             * Converts this Event to JSON.
             * @function toJSON
             * @memberof invigilator.v1.Event
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Event.prototype.toJSON = function() {
                return Event.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Event
             * @function getTypeUrl
             * @memberof invigilator.v1.Event
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Event.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.Event";
            };

            return Event;
        })();

        v1.AgentStopping = (function() {

            /**
             * Properties of an AgentStopping.
             * @typedef {Object} invigilator.v1.AgentStopping.$Properties
             * @property {invigilator.v1.StopReason|null} [reason] AgentStopping reason
             * @property {string|null} [detail] AgentStopping detail
             * @property {string|null} [signal] AgentStopping signal
             * @property {string|null} [nextVersion] AgentStopping nextVersion
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AgentStopping.
             * @memberof invigilator.v1
             * @interface IAgentStopping
             * @augments invigilator.v1.AgentStopping.$Properties
             * @deprecated Use invigilator.v1.AgentStopping.$Properties instead.
             */

            /**
             * Shape of an AgentStopping.
             * @typedef {invigilator.v1.AgentStopping.$Properties} invigilator.v1.AgentStopping.$Shape
             */

            /**
             * Constructs a new AgentStopping.
             * @memberof invigilator.v1
             * @classdesc Represents an AgentStopping.
             * @constructor
             * @param {invigilator.v1.AgentStopping.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AgentStopping = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AgentStopping reason.
             * @member {invigilator.v1.StopReason} reason
             * @memberof invigilator.v1.AgentStopping
             * @instance
             */
            AgentStopping.prototype.reason = 0;

            /**
             * AgentStopping detail.
             * @member {string} detail
             * @memberof invigilator.v1.AgentStopping
             * @instance
             */
            AgentStopping.prototype.detail = "";

            /**
             * AgentStopping signal.
             * @member {string} signal
             * @memberof invigilator.v1.AgentStopping
             * @instance
             */
            AgentStopping.prototype.signal = "";

            /**
             * AgentStopping nextVersion.
             * @member {string} nextVersion
             * @memberof invigilator.v1.AgentStopping
             * @instance
             */
            AgentStopping.prototype.nextVersion = "";

            /**
             * Creates a new AgentStopping instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.AgentStopping
             * @static
             * @param {invigilator.v1.AgentStopping.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.AgentStopping} AgentStopping instance
             * @type {{
             *   (properties: invigilator.v1.AgentStopping.$Shape): invigilator.v1.AgentStopping & invigilator.v1.AgentStopping.$Shape;
             *   (properties?: invigilator.v1.AgentStopping.$Properties): invigilator.v1.AgentStopping;
             * }}
             */
            AgentStopping.create = function(properties) {
                return new AgentStopping(properties);
            };

            /**
             * Encodes the specified AgentStopping message. Does not implicitly {@link invigilator.v1.AgentStopping.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.AgentStopping
             * @static
             * @param {invigilator.v1.AgentStopping.$Properties} message AgentStopping message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AgentStopping.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.reason);
                if (message.detail != null && $Object.hasOwnProperty.call(message, "detail") && message.detail !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.detail);
                if (message.signal != null && $Object.hasOwnProperty.call(message, "signal") && message.signal !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.signal);
                if (message.nextVersion != null && $Object.hasOwnProperty.call(message, "nextVersion") && message.nextVersion !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.nextVersion);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AgentStopping message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.AgentStopping
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.AgentStopping & invigilator.v1.AgentStopping.$Shape} AgentStopping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AgentStopping.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.AgentStopping();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.detail = value;
                            else
                                delete message.detail;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.signal = value;
                            else
                                delete message.signal;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.nextVersion = value;
                            else
                                delete message.nextVersion;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an AgentStopping message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.AgentStopping
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.AgentStopping} AgentStopping
             */
            AgentStopping.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.AgentStopping)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.AgentStopping: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.AgentStopping();
                if (object.reason !== 0 && (typeof object.reason !== "string" || $root.invigilator.v1.StopReason[object.reason] !== 0))
                    switch (object.reason) {
                    case "STOP_REASON_UNSPECIFIED":
                    case 0:
                        message.reason = 0;
                        break;
                    case "STOP_REASON_SERVICE_STOPPED":
                    case 1:
                        message.reason = 1;
                        break;
                    case "STOP_REASON_SYSTEM_SHUTDOWN":
                    case 2:
                        message.reason = 2;
                        break;
                    case "STOP_REASON_SYSTEM_REBOOT":
                    case 3:
                        message.reason = 3;
                        break;
                    case "STOP_REASON_UPGRADE":
                    case 4:
                        message.reason = 4;
                        break;
                    case "STOP_REASON_UNINSTALL":
                    case 5:
                        message.reason = 5;
                        break;
                    default:
                        if (typeof object.reason === "number" && (object.reason | 0) === object.reason)
                            message.reason = object.reason;
                    }
                if (object.detail != null)
                    if (typeof object.detail !== "string" || object.detail.length)
                        message.detail = $String(object.detail);
                if (object.signal != null)
                    if (typeof object.signal !== "string" || object.signal.length)
                        message.signal = $String(object.signal);
                if (object.nextVersion != null)
                    if (typeof object.nextVersion !== "string" || object.nextVersion.length)
                        message.nextVersion = $String(object.nextVersion);
                return message;
            };

            /**
             * Creates a plain object from an AgentStopping message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.AgentStopping
             * @static
             * @param {invigilator.v1.AgentStopping} message AgentStopping
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AgentStopping.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.reason = options.enums === $String ? "STOP_REASON_UNSPECIFIED" : 0;
                    object.detail = "";
                    object.signal = "";
                    object.nextVersion = "";
                }
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = options.enums === $String ? $root.invigilator.v1.StopReason[message.reason] === $undefined ? message.reason : $root.invigilator.v1.StopReason[message.reason] : message.reason;
                if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                    object.detail = message.detail;
                if (message.signal != null && $Object.hasOwnProperty.call(message, "signal"))
                    object.signal = message.signal;
                if (message.nextVersion != null && $Object.hasOwnProperty.call(message, "nextVersion"))
                    object.nextVersion = message.nextVersion;
                return object;
            };

            /**
             * Converts this AgentStopping to JSON.
             * @function toJSON
             * @memberof invigilator.v1.AgentStopping
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AgentStopping.prototype.toJSON = function() {
                return AgentStopping.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for AgentStopping
             * @function getTypeUrl
             * @memberof invigilator.v1.AgentStopping
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AgentStopping.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.AgentStopping";
            };

            return AgentStopping;
        })();

        /**
         * StopReason enum.
         * @name invigilator.v1.StopReason
         * @enum {number}
         * @property {number} STOP_REASON_UNSPECIFIED=0 STOP_REASON_UNSPECIFIED value
         * @property {number} STOP_REASON_SERVICE_STOPPED=1 STOP_REASON_SERVICE_STOPPED value
         * @property {number} STOP_REASON_SYSTEM_SHUTDOWN=2 STOP_REASON_SYSTEM_SHUTDOWN value
         * @property {number} STOP_REASON_SYSTEM_REBOOT=3 STOP_REASON_SYSTEM_REBOOT value
         * @property {number} STOP_REASON_UPGRADE=4 STOP_REASON_UPGRADE value
         * @property {number} STOP_REASON_UNINSTALL=5 STOP_REASON_UNINSTALL value
         */
        v1.StopReason = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "STOP_REASON_UNSPECIFIED"] = 0;
            values[valuesById[1] = "STOP_REASON_SERVICE_STOPPED"] = 1;
            values[valuesById[2] = "STOP_REASON_SYSTEM_SHUTDOWN"] = 2;
            values[valuesById[3] = "STOP_REASON_SYSTEM_REBOOT"] = 3;
            values[valuesById[4] = "STOP_REASON_UPGRADE"] = 4;
            values[valuesById[5] = "STOP_REASON_UNINSTALL"] = 5;
            return values;
        })();

        /**
         * Tri enum.
         * @name invigilator.v1.Tri
         * @enum {number}
         * @property {number} TRI_UNKNOWN=0 TRI_UNKNOWN value
         * @property {number} TRI_YES=1 TRI_YES value
         * @property {number} TRI_NO=2 TRI_NO value
         */
        v1.Tri = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "TRI_UNKNOWN"] = 0;
            values[valuesById[1] = "TRI_YES"] = 1;
            values[valuesById[2] = "TRI_NO"] = 2;
            return values;
        })();

        v1.Observation = (function() {

            /**
             * Properties of an Observation.
             * @typedef {Object} invigilator.v1.Observation.$Properties
             * @property {string|null} [check] Observation check
             * @property {invigilator.v1.CollectionStatus|null} [status] Observation status
             * @property {string|null} [reasonCode] Observation reasonCode
             * @property {string|null} [reason] Observation reason
             * @property {Array.<string>|null} [sourceIds] Observation sourceIds
             * @property {invigilator.v1.EncryptionFacts.$Properties|null} [encryption] Observation encryption
             * @property {invigilator.v1.AntivirusFacts.$Properties|null} [antivirus] Observation antivirus
             * @property {invigilator.v1.FirewallFacts.$Properties|null} [firewall] Observation firewall
             * @property {invigilator.v1.PasswordPolicyFacts.$Properties|null} [passwordPolicy] Observation passwordPolicy
             * @property {invigilator.v1.RemovableMediaFacts.$Properties|null} [removableMedia] Observation removableMedia
             * @property {invigilator.v1.ScreenLockFacts.$Properties|null} [screenLock] Observation screenLock
             * @property {"encryption"|"antivirus"|"firewall"|"passwordPolicy"|"removableMedia"|"screenLock"} [detail] Observation detail
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Observation.
             * @memberof invigilator.v1
             * @interface IObservation
             * @augments invigilator.v1.Observation.$Properties
             * @deprecated Use invigilator.v1.Observation.$Properties instead.
             */

            /**
             * Narrowed shape of an Observation.
             * @typedef {{
             *   check?: string|null;
             *   status?: invigilator.v1.CollectionStatus|null;
             *   reasonCode?: string|null;
             *   reason?: string|null;
             *   sourceIds?: Array.<string>|null;
             *   encryption?: invigilator.v1.EncryptionFacts.$Shape|null;
             *   antivirus?: invigilator.v1.AntivirusFacts.$Shape|null;
             *   firewall?: invigilator.v1.FirewallFacts.$Shape|null;
             *   passwordPolicy?: invigilator.v1.PasswordPolicyFacts.$Shape|null;
             *   removableMedia?: invigilator.v1.RemovableMediaFacts.$Shape|null;
             *   screenLock?: invigilator.v1.ScreenLockFacts.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ detail?: undefined; encryption?: null; antivirus?: null; firewall?: null; passwordPolicy?: null; removableMedia?: null; screenLock?: null }|{ detail?: "encryption"; encryption: invigilator.v1.EncryptionFacts.$Shape; antivirus?: null; firewall?: null; passwordPolicy?: null; removableMedia?: null; screenLock?: null }|{ detail?: "antivirus"; encryption?: null; antivirus: invigilator.v1.AntivirusFacts.$Shape; firewall?: null; passwordPolicy?: null; removableMedia?: null; screenLock?: null }|{ detail?: "firewall"; encryption?: null; antivirus?: null; firewall: invigilator.v1.FirewallFacts.$Shape; passwordPolicy?: null; removableMedia?: null; screenLock?: null }|{ detail?: "passwordPolicy"; encryption?: null; antivirus?: null; firewall?: null; passwordPolicy: invigilator.v1.PasswordPolicyFacts.$Shape; removableMedia?: null; screenLock?: null }|{ detail?: "removableMedia"; encryption?: null; antivirus?: null; firewall?: null; passwordPolicy?: null; removableMedia: invigilator.v1.RemovableMediaFacts.$Shape; screenLock?: null }|{ detail?: "screenLock"; encryption?: null; antivirus?: null; firewall?: null; passwordPolicy?: null; removableMedia?: null; screenLock: invigilator.v1.ScreenLockFacts.$Shape })
             * )} invigilator.v1.Observation.$Shape
             */

            /**
             * Constructs a new Observation.
             * @memberof invigilator.v1
             * @classdesc Represents an Observation.
             * @constructor
             * @param {invigilator.v1.Observation.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Observation = function (properties) {
                this.sourceIds = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Observation check.
             * @member {string} check
             * @memberof invigilator.v1.Observation
             * @instance
             */
            Observation.prototype.check = "";

            /**
             * Observation status.
             * @member {invigilator.v1.CollectionStatus} status
             * @memberof invigilator.v1.Observation
             * @instance
             */
            Observation.prototype.status = 0;

            /**
             * Observation reasonCode.
             * @member {string} reasonCode
             * @memberof invigilator.v1.Observation
             * @instance
             */
            Observation.prototype.reasonCode = "";

            /**
             * Observation reason.
             * @member {string} reason
             * @memberof invigilator.v1.Observation
             * @instance
             */
            Observation.prototype.reason = "";

            /**
             * Observation sourceIds.
             * @member {Array.<string>} sourceIds
             * @memberof invigilator.v1.Observation
             * @instance
             */
            Observation.prototype.sourceIds = $util.emptyArray;

            /**
             * Observation encryption.
             * @member {invigilator.v1.EncryptionFacts.$Properties|null|undefined} encryption
             * @memberof invigilator.v1.Observation
             * @instance
             */
            Observation.prototype.encryption = null;

            /**
             * Observation antivirus.
             * @member {invigilator.v1.AntivirusFacts.$Properties|null|undefined} antivirus
             * @memberof invigilator.v1.Observation
             * @instance
             */
            Observation.prototype.antivirus = null;

            /**
             * Observation firewall.
             * @member {invigilator.v1.FirewallFacts.$Properties|null|undefined} firewall
             * @memberof invigilator.v1.Observation
             * @instance
             */
            Observation.prototype.firewall = null;

            /**
             * Observation passwordPolicy.
             * @member {invigilator.v1.PasswordPolicyFacts.$Properties|null|undefined} passwordPolicy
             * @memberof invigilator.v1.Observation
             * @instance
             */
            Observation.prototype.passwordPolicy = null;

            /**
             * Observation removableMedia.
             * @member {invigilator.v1.RemovableMediaFacts.$Properties|null|undefined} removableMedia
             * @memberof invigilator.v1.Observation
             * @instance
             */
            Observation.prototype.removableMedia = null;

            /**
             * Observation screenLock.
             * @member {invigilator.v1.ScreenLockFacts.$Properties|null|undefined} screenLock
             * @memberof invigilator.v1.Observation
             * @instance
             */
            Observation.prototype.screenLock = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Observation detail.
             * @member {"encryption"|"antivirus"|"firewall"|"passwordPolicy"|"removableMedia"|"screenLock"|undefined} detail
             * @memberof invigilator.v1.Observation
             * @instance
             */
            $Object.defineProperty(Observation.prototype, "detail", {
                get: $util.oneOfGetter($oneOfFields = ["encryption", "antivirus", "firewall", "passwordPolicy", "removableMedia", "screenLock"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Observation instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.Observation
             * @static
             * @param {invigilator.v1.Observation.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.Observation} Observation instance
             * @type {{
             *   (properties: invigilator.v1.Observation.$Shape): invigilator.v1.Observation & invigilator.v1.Observation.$Shape;
             *   (properties?: invigilator.v1.Observation.$Properties): invigilator.v1.Observation;
             * }}
             */
            Observation.create = function(properties) {
                return new Observation(properties);
            };

            /**
             * Encodes the specified Observation message. Does not implicitly {@link invigilator.v1.Observation.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.Observation
             * @static
             * @param {invigilator.v1.Observation.$Properties} message Observation message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Observation.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.check != null && $Object.hasOwnProperty.call(message, "check") && message.check !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.check);
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.status);
                if (message.reasonCode != null && $Object.hasOwnProperty.call(message, "reasonCode") && message.reasonCode !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.reasonCode);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.reason);
                if (message.sourceIds != null && message.sourceIds.length)
                    for (let i = 0; i < message.sourceIds.length; ++i)
                        writer.uint32(/* id 5, wireType 2 =*/42).string(message.sourceIds[i]);
                if (message.encryption != null && $Object.hasOwnProperty.call(message, "encryption"))
                    $root.invigilator.v1.EncryptionFacts.encode(message.encryption, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                if (message.antivirus != null && $Object.hasOwnProperty.call(message, "antivirus"))
                    $root.invigilator.v1.AntivirusFacts.encode(message.antivirus, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                if (message.firewall != null && $Object.hasOwnProperty.call(message, "firewall"))
                    $root.invigilator.v1.FirewallFacts.encode(message.firewall, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
                if (message.passwordPolicy != null && $Object.hasOwnProperty.call(message, "passwordPolicy"))
                    $root.invigilator.v1.PasswordPolicyFacts.encode(message.passwordPolicy, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
                if (message.removableMedia != null && $Object.hasOwnProperty.call(message, "removableMedia"))
                    $root.invigilator.v1.RemovableMediaFacts.encode(message.removableMedia, writer.uint32(/* id 14, wireType 2 =*/114).fork(), _depth + 1).ldelim();
                if (message.screenLock != null && $Object.hasOwnProperty.call(message, "screenLock"))
                    $root.invigilator.v1.ScreenLockFacts.encode(message.screenLock, writer.uint32(/* id 15, wireType 2 =*/122).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an Observation message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.Observation
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.Observation & invigilator.v1.Observation.$Shape} Observation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Observation.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.Observation();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.check = value;
                            else
                                delete message.check;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reasonCode = value;
                            else
                                delete message.reasonCode;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if (!(message.sourceIds && message.sourceIds.length))
                                message.sourceIds = [];
                            message.sourceIds.push(reader.stringVerify());
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.encryption = $root.invigilator.v1.EncryptionFacts.decode(reader, reader.size(), $undefined, _depth + 1, message.encryption);
                            message.detail = "encryption";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.antivirus = $root.invigilator.v1.AntivirusFacts.decode(reader, reader.size(), $undefined, _depth + 1, message.antivirus);
                            message.detail = "antivirus";
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.firewall = $root.invigilator.v1.FirewallFacts.decode(reader, reader.size(), $undefined, _depth + 1, message.firewall);
                            message.detail = "firewall";
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            message.passwordPolicy = $root.invigilator.v1.PasswordPolicyFacts.decode(reader, reader.size(), $undefined, _depth + 1, message.passwordPolicy);
                            message.detail = "passwordPolicy";
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            message.removableMedia = $root.invigilator.v1.RemovableMediaFacts.decode(reader, reader.size(), $undefined, _depth + 1, message.removableMedia);
                            message.detail = "removableMedia";
                            continue;
                        }
                    case 15: {
                            if (wireType !== 2)
                                break;
                            message.screenLock = $root.invigilator.v1.ScreenLockFacts.decode(reader, reader.size(), $undefined, _depth + 1, message.screenLock);
                            message.detail = "screenLock";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an Observation message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.Observation
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.Observation} Observation
             */
            Observation.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.Observation)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.Observation: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.Observation();
                if (object.check != null)
                    if (typeof object.check !== "string" || object.check.length)
                        message.check = $String(object.check);
                if (object.status !== 0 && (typeof object.status !== "string" || $root.invigilator.v1.CollectionStatus[object.status] !== 0))
                    switch (object.status) {
                    case "COLLECTION_STATUS_UNSPECIFIED":
                    case 0:
                        message.status = 0;
                        break;
                    case "COLLECTED":
                    case 1:
                        message.status = 1;
                        break;
                    case "COULD_NOT_COLLECT":
                    case 2:
                        message.status = 2;
                        break;
                    case "NOT_APPLICABLE":
                    case 3:
                        message.status = 3;
                        break;
                    default:
                        if (typeof object.status === "number" && (object.status | 0) === object.status)
                            message.status = object.status;
                    }
                if (object.reasonCode != null)
                    if (typeof object.reasonCode !== "string" || object.reasonCode.length)
                        message.reasonCode = $String(object.reasonCode);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                if (object.sourceIds) {
                    if (!$Array.isArray(object.sourceIds))
                        throw $TypeError(".invigilator.v1.Observation.sourceIds: array expected");
                    message.sourceIds = $Array(object.sourceIds.length);
                    for (let i = 0; i < object.sourceIds.length; ++i)
                        message.sourceIds[i] = $String(object.sourceIds[i]);
                }
                if (object.encryption != null) {
                    if (!$util.isObject(object.encryption))
                        throw $TypeError(".invigilator.v1.Observation.encryption: object expected");
                    message.encryption = $root.invigilator.v1.EncryptionFacts.fromObject(object.encryption, _depth + 1);
                }
                if (object.antivirus != null) {
                    if (!$util.isObject(object.antivirus))
                        throw $TypeError(".invigilator.v1.Observation.antivirus: object expected");
                    message.antivirus = $root.invigilator.v1.AntivirusFacts.fromObject(object.antivirus, _depth + 1);
                }
                if (object.firewall != null) {
                    if (!$util.isObject(object.firewall))
                        throw $TypeError(".invigilator.v1.Observation.firewall: object expected");
                    message.firewall = $root.invigilator.v1.FirewallFacts.fromObject(object.firewall, _depth + 1);
                }
                if (object.passwordPolicy != null) {
                    if (!$util.isObject(object.passwordPolicy))
                        throw $TypeError(".invigilator.v1.Observation.passwordPolicy: object expected");
                    message.passwordPolicy = $root.invigilator.v1.PasswordPolicyFacts.fromObject(object.passwordPolicy, _depth + 1);
                }
                if (object.removableMedia != null) {
                    if (!$util.isObject(object.removableMedia))
                        throw $TypeError(".invigilator.v1.Observation.removableMedia: object expected");
                    message.removableMedia = $root.invigilator.v1.RemovableMediaFacts.fromObject(object.removableMedia, _depth + 1);
                }
                if (object.screenLock != null) {
                    if (!$util.isObject(object.screenLock))
                        throw $TypeError(".invigilator.v1.Observation.screenLock: object expected");
                    message.screenLock = $root.invigilator.v1.ScreenLockFacts.fromObject(object.screenLock, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an Observation message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.Observation
             * @static
             * @param {invigilator.v1.Observation} message Observation
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Observation.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.sourceIds = [];
                if (options.defaults) {
                    object.check = "";
                    object.status = options.enums === $String ? "COLLECTION_STATUS_UNSPECIFIED" : 0;
                    object.reasonCode = "";
                    object.reason = "";
                }
                if (message.check != null && $Object.hasOwnProperty.call(message, "check"))
                    object.check = message.check;
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    object.status = options.enums === $String ? $root.invigilator.v1.CollectionStatus[message.status] === $undefined ? message.status : $root.invigilator.v1.CollectionStatus[message.status] : message.status;
                if (message.reasonCode != null && $Object.hasOwnProperty.call(message, "reasonCode"))
                    object.reasonCode = message.reasonCode;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                if (message.sourceIds && message.sourceIds.length) {
                    object.sourceIds = $Array(message.sourceIds.length);
                    for (let j = 0; j < message.sourceIds.length; ++j)
                        object.sourceIds[j] = message.sourceIds[j];
                }
                if (message.encryption != null && $Object.hasOwnProperty.call(message, "encryption")) {
                    object.encryption = $root.invigilator.v1.EncryptionFacts.toObject(message.encryption, options, _depth + 1);
                    if (options.oneofs)
                        object.detail = "encryption";
                }
                if (message.antivirus != null && $Object.hasOwnProperty.call(message, "antivirus")) {
                    object.antivirus = $root.invigilator.v1.AntivirusFacts.toObject(message.antivirus, options, _depth + 1);
                    if (options.oneofs)
                        object.detail = "antivirus";
                }
                if (message.firewall != null && $Object.hasOwnProperty.call(message, "firewall")) {
                    object.firewall = $root.invigilator.v1.FirewallFacts.toObject(message.firewall, options, _depth + 1);
                    if (options.oneofs)
                        object.detail = "firewall";
                }
                if (message.passwordPolicy != null && $Object.hasOwnProperty.call(message, "passwordPolicy")) {
                    object.passwordPolicy = $root.invigilator.v1.PasswordPolicyFacts.toObject(message.passwordPolicy, options, _depth + 1);
                    if (options.oneofs)
                        object.detail = "passwordPolicy";
                }
                if (message.removableMedia != null && $Object.hasOwnProperty.call(message, "removableMedia")) {
                    object.removableMedia = $root.invigilator.v1.RemovableMediaFacts.toObject(message.removableMedia, options, _depth + 1);
                    if (options.oneofs)
                        object.detail = "removableMedia";
                }
                if (message.screenLock != null && $Object.hasOwnProperty.call(message, "screenLock")) {
                    object.screenLock = $root.invigilator.v1.ScreenLockFacts.toObject(message.screenLock, options, _depth + 1);
                    if (options.oneofs)
                        object.detail = "screenLock";
                }
                return object;
            };

            /**
             * Converts this Observation to JSON.
             * @function toJSON
             * @memberof invigilator.v1.Observation
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Observation.prototype.toJSON = function() {
                return Observation.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Observation
             * @function getTypeUrl
             * @memberof invigilator.v1.Observation
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Observation.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.Observation";
            };

            return Observation;
        })();

        /**
         * CollectionStatus enum.
         * @name invigilator.v1.CollectionStatus
         * @enum {number}
         * @property {number} COLLECTION_STATUS_UNSPECIFIED=0 COLLECTION_STATUS_UNSPECIFIED value
         * @property {number} COLLECTED=1 COLLECTED value
         * @property {number} COULD_NOT_COLLECT=2 COULD_NOT_COLLECT value
         * @property {number} NOT_APPLICABLE=3 NOT_APPLICABLE value
         */
        v1.CollectionStatus = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "COLLECTION_STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "COLLECTED"] = 1;
            values[valuesById[2] = "COULD_NOT_COLLECT"] = 2;
            values[valuesById[3] = "NOT_APPLICABLE"] = 3;
            return values;
        })();

        v1.EncryptionFacts = (function() {

            /**
             * Properties of an EncryptionFacts.
             * @typedef {Object} invigilator.v1.EncryptionFacts.$Properties
             * @property {Array.<invigilator.v1.EncryptedVolume.$Properties>|null} [volumes] EncryptionFacts volumes
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EncryptionFacts.
             * @memberof invigilator.v1
             * @interface IEncryptionFacts
             * @augments invigilator.v1.EncryptionFacts.$Properties
             * @deprecated Use invigilator.v1.EncryptionFacts.$Properties instead.
             */

            /**
             * Shape of an EncryptionFacts.
             * @typedef {invigilator.v1.EncryptionFacts.$Properties} invigilator.v1.EncryptionFacts.$Shape
             */

            /**
             * Constructs a new EncryptionFacts.
             * @memberof invigilator.v1
             * @classdesc Represents an EncryptionFacts.
             * @constructor
             * @param {invigilator.v1.EncryptionFacts.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EncryptionFacts = function (properties) {
                this.volumes = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EncryptionFacts volumes.
             * @member {Array.<invigilator.v1.EncryptedVolume.$Properties>} volumes
             * @memberof invigilator.v1.EncryptionFacts
             * @instance
             */
            EncryptionFacts.prototype.volumes = $util.emptyArray;

            /**
             * Creates a new EncryptionFacts instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.EncryptionFacts
             * @static
             * @param {invigilator.v1.EncryptionFacts.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.EncryptionFacts} EncryptionFacts instance
             * @type {{
             *   (properties: invigilator.v1.EncryptionFacts.$Shape): invigilator.v1.EncryptionFacts & invigilator.v1.EncryptionFacts.$Shape;
             *   (properties?: invigilator.v1.EncryptionFacts.$Properties): invigilator.v1.EncryptionFacts;
             * }}
             */
            EncryptionFacts.create = function(properties) {
                return new EncryptionFacts(properties);
            };

            /**
             * Encodes the specified EncryptionFacts message. Does not implicitly {@link invigilator.v1.EncryptionFacts.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.EncryptionFacts
             * @static
             * @param {invigilator.v1.EncryptionFacts.$Properties} message EncryptionFacts message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EncryptionFacts.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.volumes != null && message.volumes.length)
                    for (let i = 0; i < message.volumes.length; ++i)
                        $root.invigilator.v1.EncryptedVolume.encode(message.volumes[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an EncryptionFacts message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.EncryptionFacts
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.EncryptionFacts & invigilator.v1.EncryptionFacts.$Shape} EncryptionFacts
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EncryptionFacts.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.EncryptionFacts();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.volumes && message.volumes.length))
                                message.volumes = [];
                            message.volumes.push($root.invigilator.v1.EncryptedVolume.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an EncryptionFacts message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.EncryptionFacts
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.EncryptionFacts} EncryptionFacts
             */
            EncryptionFacts.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.EncryptionFacts)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.EncryptionFacts: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.EncryptionFacts();
                if (object.volumes) {
                    if (!$Array.isArray(object.volumes))
                        throw $TypeError(".invigilator.v1.EncryptionFacts.volumes: array expected");
                    message.volumes = $Array(object.volumes.length);
                    for (let i = 0; i < object.volumes.length; ++i) {
                        if (!$util.isObject(object.volumes[i]))
                            throw $TypeError(".invigilator.v1.EncryptionFacts.volumes: object expected");
                        message.volumes[i] = $root.invigilator.v1.EncryptedVolume.fromObject(object.volumes[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from an EncryptionFacts message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.EncryptionFacts
             * @static
             * @param {invigilator.v1.EncryptionFacts} message EncryptionFacts
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            EncryptionFacts.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.volumes = [];
                if (message.volumes && message.volumes.length) {
                    object.volumes = $Array(message.volumes.length);
                    for (let j = 0; j < message.volumes.length; ++j)
                        object.volumes[j] = $root.invigilator.v1.EncryptedVolume.toObject(message.volumes[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this EncryptionFacts to JSON.
             * @function toJSON
             * @memberof invigilator.v1.EncryptionFacts
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            EncryptionFacts.prototype.toJSON = function() {
                return EncryptionFacts.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for EncryptionFacts
             * @function getTypeUrl
             * @memberof invigilator.v1.EncryptionFacts
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EncryptionFacts.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.EncryptionFacts";
            };

            return EncryptionFacts;
        })();

        v1.EncryptedVolume = (function() {

            /**
             * Properties of an EncryptedVolume.
             * @typedef {Object} invigilator.v1.EncryptedVolume.$Properties
             * @property {string|null} [name] EncryptedVolume name
             * @property {invigilator.v1.VolumeRole|null} [role] EncryptedVolume role
             * @property {invigilator.v1.Tri|null} [encrypted] EncryptedVolume encrypted
             * @property {invigilator.v1.Tri|null} [protectionOn] EncryptedVolume protectionOn
             * @property {string|null} [method] EncryptedVolume method
             * @property {number|null} [percentEncrypted] EncryptedVolume percentEncrypted
             * @property {string|null} [state] EncryptedVolume state
             * @property {string|null} [device] EncryptedVolume device
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EncryptedVolume.
             * @memberof invigilator.v1
             * @interface IEncryptedVolume
             * @augments invigilator.v1.EncryptedVolume.$Properties
             * @deprecated Use invigilator.v1.EncryptedVolume.$Properties instead.
             */

            /**
             * Shape of an EncryptedVolume.
             * @typedef {invigilator.v1.EncryptedVolume.$Properties} invigilator.v1.EncryptedVolume.$Shape
             */

            /**
             * Constructs a new EncryptedVolume.
             * @memberof invigilator.v1
             * @classdesc Represents an EncryptedVolume.
             * @constructor
             * @param {invigilator.v1.EncryptedVolume.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EncryptedVolume = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EncryptedVolume name.
             * @member {string} name
             * @memberof invigilator.v1.EncryptedVolume
             * @instance
             */
            EncryptedVolume.prototype.name = "";

            /**
             * EncryptedVolume role.
             * @member {invigilator.v1.VolumeRole} role
             * @memberof invigilator.v1.EncryptedVolume
             * @instance
             */
            EncryptedVolume.prototype.role = 0;

            /**
             * EncryptedVolume encrypted.
             * @member {invigilator.v1.Tri} encrypted
             * @memberof invigilator.v1.EncryptedVolume
             * @instance
             */
            EncryptedVolume.prototype.encrypted = 0;

            /**
             * EncryptedVolume protectionOn.
             * @member {invigilator.v1.Tri} protectionOn
             * @memberof invigilator.v1.EncryptedVolume
             * @instance
             */
            EncryptedVolume.prototype.protectionOn = 0;

            /**
             * EncryptedVolume method.
             * @member {string} method
             * @memberof invigilator.v1.EncryptedVolume
             * @instance
             */
            EncryptedVolume.prototype.method = "";

            /**
             * EncryptedVolume percentEncrypted.
             * @member {number} percentEncrypted
             * @memberof invigilator.v1.EncryptedVolume
             * @instance
             */
            EncryptedVolume.prototype.percentEncrypted = 0;

            /**
             * EncryptedVolume state.
             * @member {string} state
             * @memberof invigilator.v1.EncryptedVolume
             * @instance
             */
            EncryptedVolume.prototype.state = "";

            /**
             * EncryptedVolume device.
             * @member {string} device
             * @memberof invigilator.v1.EncryptedVolume
             * @instance
             */
            EncryptedVolume.prototype.device = "";

            /**
             * Creates a new EncryptedVolume instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.EncryptedVolume
             * @static
             * @param {invigilator.v1.EncryptedVolume.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.EncryptedVolume} EncryptedVolume instance
             * @type {{
             *   (properties: invigilator.v1.EncryptedVolume.$Shape): invigilator.v1.EncryptedVolume & invigilator.v1.EncryptedVolume.$Shape;
             *   (properties?: invigilator.v1.EncryptedVolume.$Properties): invigilator.v1.EncryptedVolume;
             * }}
             */
            EncryptedVolume.create = function(properties) {
                return new EncryptedVolume(properties);
            };

            /**
             * Encodes the specified EncryptedVolume message. Does not implicitly {@link invigilator.v1.EncryptedVolume.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.EncryptedVolume
             * @static
             * @param {invigilator.v1.EncryptedVolume.$Properties} message EncryptedVolume message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EncryptedVolume.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.role != null && $Object.hasOwnProperty.call(message, "role") && message.role !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.role);
                if (message.encrypted != null && $Object.hasOwnProperty.call(message, "encrypted") && message.encrypted !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.encrypted);
                if (message.protectionOn != null && $Object.hasOwnProperty.call(message, "protectionOn") && message.protectionOn !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.protectionOn);
                if (message.method != null && $Object.hasOwnProperty.call(message, "method") && message.method !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.method);
                if (message.percentEncrypted != null && $Object.hasOwnProperty.call(message, "percentEncrypted") && message.percentEncrypted !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.percentEncrypted);
                if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.state);
                if (message.device != null && $Object.hasOwnProperty.call(message, "device") && message.device !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.device);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an EncryptedVolume message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.EncryptedVolume
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.EncryptedVolume & invigilator.v1.EncryptedVolume.$Shape} EncryptedVolume
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EncryptedVolume.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.EncryptedVolume();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.role = value;
                            else
                                delete message.role;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.encrypted = value;
                            else
                                delete message.encrypted;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.protectionOn = value;
                            else
                                delete message.protectionOn;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.method = value;
                            else
                                delete message.method;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.percentEncrypted = value;
                            else
                                delete message.percentEncrypted;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.state = value;
                            else
                                delete message.state;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.device = value;
                            else
                                delete message.device;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an EncryptedVolume message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.EncryptedVolume
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.EncryptedVolume} EncryptedVolume
             */
            EncryptedVolume.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.EncryptedVolume)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.EncryptedVolume: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.EncryptedVolume();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.role !== 0 && (typeof object.role !== "string" || $root.invigilator.v1.VolumeRole[object.role] !== 0))
                    switch (object.role) {
                    case "VOLUME_ROLE_UNSPECIFIED":
                    case 0:
                        message.role = 0;
                        break;
                    case "VOLUME_ROLE_SYSTEM":
                    case 1:
                        message.role = 1;
                        break;
                    case "VOLUME_ROLE_HOME":
                    case 2:
                        message.role = 2;
                        break;
                    case "VOLUME_ROLE_FIXED_DATA":
                    case 3:
                        message.role = 3;
                        break;
                    default:
                        if (typeof object.role === "number" && (object.role | 0) === object.role)
                            message.role = object.role;
                    }
                if (object.encrypted !== 0 && (typeof object.encrypted !== "string" || $root.invigilator.v1.Tri[object.encrypted] !== 0))
                    switch (object.encrypted) {
                    case "TRI_UNKNOWN":
                    case 0:
                        message.encrypted = 0;
                        break;
                    case "TRI_YES":
                    case 1:
                        message.encrypted = 1;
                        break;
                    case "TRI_NO":
                    case 2:
                        message.encrypted = 2;
                        break;
                    default:
                        if (typeof object.encrypted === "number" && (object.encrypted | 0) === object.encrypted)
                            message.encrypted = object.encrypted;
                    }
                if (object.protectionOn !== 0 && (typeof object.protectionOn !== "string" || $root.invigilator.v1.Tri[object.protectionOn] !== 0))
                    switch (object.protectionOn) {
                    case "TRI_UNKNOWN":
                    case 0:
                        message.protectionOn = 0;
                        break;
                    case "TRI_YES":
                    case 1:
                        message.protectionOn = 1;
                        break;
                    case "TRI_NO":
                    case 2:
                        message.protectionOn = 2;
                        break;
                    default:
                        if (typeof object.protectionOn === "number" && (object.protectionOn | 0) === object.protectionOn)
                            message.protectionOn = object.protectionOn;
                    }
                if (object.method != null)
                    if (typeof object.method !== "string" || object.method.length)
                        message.method = $String(object.method);
                if (object.percentEncrypted != null)
                    if ($Number(object.percentEncrypted) !== 0)
                        message.percentEncrypted = object.percentEncrypted >>> 0;
                if (object.state != null)
                    if (typeof object.state !== "string" || object.state.length)
                        message.state = $String(object.state);
                if (object.device != null)
                    if (typeof object.device !== "string" || object.device.length)
                        message.device = $String(object.device);
                return message;
            };

            /**
             * Creates a plain object from an EncryptedVolume message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.EncryptedVolume
             * @static
             * @param {invigilator.v1.EncryptedVolume} message EncryptedVolume
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            EncryptedVolume.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.name = "";
                    object.role = options.enums === $String ? "VOLUME_ROLE_UNSPECIFIED" : 0;
                    object.encrypted = options.enums === $String ? "TRI_UNKNOWN" : 0;
                    object.protectionOn = options.enums === $String ? "TRI_UNKNOWN" : 0;
                    object.method = "";
                    object.percentEncrypted = 0;
                    object.state = "";
                    object.device = "";
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.role != null && $Object.hasOwnProperty.call(message, "role"))
                    object.role = options.enums === $String ? $root.invigilator.v1.VolumeRole[message.role] === $undefined ? message.role : $root.invigilator.v1.VolumeRole[message.role] : message.role;
                if (message.encrypted != null && $Object.hasOwnProperty.call(message, "encrypted"))
                    object.encrypted = options.enums === $String ? $root.invigilator.v1.Tri[message.encrypted] === $undefined ? message.encrypted : $root.invigilator.v1.Tri[message.encrypted] : message.encrypted;
                if (message.protectionOn != null && $Object.hasOwnProperty.call(message, "protectionOn"))
                    object.protectionOn = options.enums === $String ? $root.invigilator.v1.Tri[message.protectionOn] === $undefined ? message.protectionOn : $root.invigilator.v1.Tri[message.protectionOn] : message.protectionOn;
                if (message.method != null && $Object.hasOwnProperty.call(message, "method"))
                    object.method = message.method;
                if (message.percentEncrypted != null && $Object.hasOwnProperty.call(message, "percentEncrypted"))
                    object.percentEncrypted = message.percentEncrypted;
                if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                    object.state = message.state;
                if (message.device != null && $Object.hasOwnProperty.call(message, "device"))
                    object.device = message.device;
                return object;
            };

            /**
             * Converts this EncryptedVolume to JSON.
             * @function toJSON
             * @memberof invigilator.v1.EncryptedVolume
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            EncryptedVolume.prototype.toJSON = function() {
                return EncryptedVolume.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for EncryptedVolume
             * @function getTypeUrl
             * @memberof invigilator.v1.EncryptedVolume
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EncryptedVolume.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.EncryptedVolume";
            };

            return EncryptedVolume;
        })();

        /**
         * VolumeRole enum.
         * @name invigilator.v1.VolumeRole
         * @enum {number}
         * @property {number} VOLUME_ROLE_UNSPECIFIED=0 VOLUME_ROLE_UNSPECIFIED value
         * @property {number} VOLUME_ROLE_SYSTEM=1 VOLUME_ROLE_SYSTEM value
         * @property {number} VOLUME_ROLE_HOME=2 VOLUME_ROLE_HOME value
         * @property {number} VOLUME_ROLE_FIXED_DATA=3 VOLUME_ROLE_FIXED_DATA value
         */
        v1.VolumeRole = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "VOLUME_ROLE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "VOLUME_ROLE_SYSTEM"] = 1;
            values[valuesById[2] = "VOLUME_ROLE_HOME"] = 2;
            values[valuesById[3] = "VOLUME_ROLE_FIXED_DATA"] = 3;
            return values;
        })();

        v1.AntivirusFacts = (function() {

            /**
             * Properties of an AntivirusFacts.
             * @typedef {Object} invigilator.v1.AntivirusFacts.$Properties
             * @property {Array.<invigilator.v1.AntivirusProduct.$Properties>|null} [products] AntivirusFacts products
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AntivirusFacts.
             * @memberof invigilator.v1
             * @interface IAntivirusFacts
             * @augments invigilator.v1.AntivirusFacts.$Properties
             * @deprecated Use invigilator.v1.AntivirusFacts.$Properties instead.
             */

            /**
             * Shape of an AntivirusFacts.
             * @typedef {invigilator.v1.AntivirusFacts.$Properties} invigilator.v1.AntivirusFacts.$Shape
             */

            /**
             * Constructs a new AntivirusFacts.
             * @memberof invigilator.v1
             * @classdesc Represents an AntivirusFacts.
             * @constructor
             * @param {invigilator.v1.AntivirusFacts.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AntivirusFacts = function (properties) {
                this.products = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AntivirusFacts products.
             * @member {Array.<invigilator.v1.AntivirusProduct.$Properties>} products
             * @memberof invigilator.v1.AntivirusFacts
             * @instance
             */
            AntivirusFacts.prototype.products = $util.emptyArray;

            /**
             * Creates a new AntivirusFacts instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.AntivirusFacts
             * @static
             * @param {invigilator.v1.AntivirusFacts.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.AntivirusFacts} AntivirusFacts instance
             * @type {{
             *   (properties: invigilator.v1.AntivirusFacts.$Shape): invigilator.v1.AntivirusFacts & invigilator.v1.AntivirusFacts.$Shape;
             *   (properties?: invigilator.v1.AntivirusFacts.$Properties): invigilator.v1.AntivirusFacts;
             * }}
             */
            AntivirusFacts.create = function(properties) {
                return new AntivirusFacts(properties);
            };

            /**
             * Encodes the specified AntivirusFacts message. Does not implicitly {@link invigilator.v1.AntivirusFacts.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.AntivirusFacts
             * @static
             * @param {invigilator.v1.AntivirusFacts.$Properties} message AntivirusFacts message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AntivirusFacts.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.products != null && message.products.length)
                    for (let i = 0; i < message.products.length; ++i)
                        $root.invigilator.v1.AntivirusProduct.encode(message.products[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AntivirusFacts message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.AntivirusFacts
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.AntivirusFacts & invigilator.v1.AntivirusFacts.$Shape} AntivirusFacts
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AntivirusFacts.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.AntivirusFacts();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.products && message.products.length))
                                message.products = [];
                            message.products.push($root.invigilator.v1.AntivirusProduct.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an AntivirusFacts message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.AntivirusFacts
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.AntivirusFacts} AntivirusFacts
             */
            AntivirusFacts.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.AntivirusFacts)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.AntivirusFacts: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.AntivirusFacts();
                if (object.products) {
                    if (!$Array.isArray(object.products))
                        throw $TypeError(".invigilator.v1.AntivirusFacts.products: array expected");
                    message.products = $Array(object.products.length);
                    for (let i = 0; i < object.products.length; ++i) {
                        if (!$util.isObject(object.products[i]))
                            throw $TypeError(".invigilator.v1.AntivirusFacts.products: object expected");
                        message.products[i] = $root.invigilator.v1.AntivirusProduct.fromObject(object.products[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from an AntivirusFacts message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.AntivirusFacts
             * @static
             * @param {invigilator.v1.AntivirusFacts} message AntivirusFacts
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AntivirusFacts.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.products = [];
                if (message.products && message.products.length) {
                    object.products = $Array(message.products.length);
                    for (let j = 0; j < message.products.length; ++j)
                        object.products[j] = $root.invigilator.v1.AntivirusProduct.toObject(message.products[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this AntivirusFacts to JSON.
             * @function toJSON
             * @memberof invigilator.v1.AntivirusFacts
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AntivirusFacts.prototype.toJSON = function() {
                return AntivirusFacts.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for AntivirusFacts
             * @function getTypeUrl
             * @memberof invigilator.v1.AntivirusFacts
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AntivirusFacts.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.AntivirusFacts";
            };

            return AntivirusFacts;
        })();

        v1.AntivirusProduct = (function() {

            /**
             * Properties of an AntivirusProduct.
             * @typedef {Object} invigilator.v1.AntivirusProduct.$Properties
             * @property {string|null} [name] AntivirusProduct name
             * @property {invigilator.v1.Tri|null} [enabled] AntivirusProduct enabled
             * @property {invigilator.v1.Tri|null} [realtimeProtection] AntivirusProduct realtimeProtection
             * @property {number|null} [signaturesUpdatedAtMs] AntivirusProduct signaturesUpdatedAtMs
             * @property {string|null} [signatureVersion] AntivirusProduct signatureVersion
             * @property {invigilator.v1.Tri|null} [reportsUpToDate] AntivirusProduct reportsUpToDate
             * @property {string|null} [engineVersion] AntivirusProduct engineVersion
             * @property {string|null} [realtimeProtectionBasis] AntivirusProduct realtimeProtectionBasis
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AntivirusProduct.
             * @memberof invigilator.v1
             * @interface IAntivirusProduct
             * @augments invigilator.v1.AntivirusProduct.$Properties
             * @deprecated Use invigilator.v1.AntivirusProduct.$Properties instead.
             */

            /**
             * Shape of an AntivirusProduct.
             * @typedef {invigilator.v1.AntivirusProduct.$Properties} invigilator.v1.AntivirusProduct.$Shape
             */

            /**
             * Constructs a new AntivirusProduct.
             * @memberof invigilator.v1
             * @classdesc Represents an AntivirusProduct.
             * @constructor
             * @param {invigilator.v1.AntivirusProduct.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AntivirusProduct = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AntivirusProduct name.
             * @member {string} name
             * @memberof invigilator.v1.AntivirusProduct
             * @instance
             */
            AntivirusProduct.prototype.name = "";

            /**
             * AntivirusProduct enabled.
             * @member {invigilator.v1.Tri} enabled
             * @memberof invigilator.v1.AntivirusProduct
             * @instance
             */
            AntivirusProduct.prototype.enabled = 0;

            /**
             * AntivirusProduct realtimeProtection.
             * @member {invigilator.v1.Tri} realtimeProtection
             * @memberof invigilator.v1.AntivirusProduct
             * @instance
             */
            AntivirusProduct.prototype.realtimeProtection = 0;

            /**
             * AntivirusProduct signaturesUpdatedAtMs.
             * @member {number} signaturesUpdatedAtMs
             * @memberof invigilator.v1.AntivirusProduct
             * @instance
             */
            AntivirusProduct.prototype.signaturesUpdatedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * AntivirusProduct signatureVersion.
             * @member {string} signatureVersion
             * @memberof invigilator.v1.AntivirusProduct
             * @instance
             */
            AntivirusProduct.prototype.signatureVersion = "";

            /**
             * AntivirusProduct reportsUpToDate.
             * @member {invigilator.v1.Tri} reportsUpToDate
             * @memberof invigilator.v1.AntivirusProduct
             * @instance
             */
            AntivirusProduct.prototype.reportsUpToDate = 0;

            /**
             * AntivirusProduct engineVersion.
             * @member {string} engineVersion
             * @memberof invigilator.v1.AntivirusProduct
             * @instance
             */
            AntivirusProduct.prototype.engineVersion = "";

            /**
             * AntivirusProduct realtimeProtectionBasis.
             * @member {string} realtimeProtectionBasis
             * @memberof invigilator.v1.AntivirusProduct
             * @instance
             */
            AntivirusProduct.prototype.realtimeProtectionBasis = "";

            /**
             * Creates a new AntivirusProduct instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.AntivirusProduct
             * @static
             * @param {invigilator.v1.AntivirusProduct.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.AntivirusProduct} AntivirusProduct instance
             * @type {{
             *   (properties: invigilator.v1.AntivirusProduct.$Shape): invigilator.v1.AntivirusProduct & invigilator.v1.AntivirusProduct.$Shape;
             *   (properties?: invigilator.v1.AntivirusProduct.$Properties): invigilator.v1.AntivirusProduct;
             * }}
             */
            AntivirusProduct.create = function(properties) {
                return new AntivirusProduct(properties);
            };

            /**
             * Encodes the specified AntivirusProduct message. Does not implicitly {@link invigilator.v1.AntivirusProduct.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.AntivirusProduct
             * @static
             * @param {invigilator.v1.AntivirusProduct.$Properties} message AntivirusProduct message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AntivirusProduct.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.enabled != null && $Object.hasOwnProperty.call(message, "enabled") && message.enabled !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.enabled);
                if (message.realtimeProtection != null && $Object.hasOwnProperty.call(message, "realtimeProtection") && message.realtimeProtection !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.realtimeProtection);
                if (message.signaturesUpdatedAtMs != null && $Object.hasOwnProperty.call(message, "signaturesUpdatedAtMs") && (typeof message.signaturesUpdatedAtMs === "object" ? message.signaturesUpdatedAtMs.low || message.signaturesUpdatedAtMs.high : message.signaturesUpdatedAtMs !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).int64(message.signaturesUpdatedAtMs);
                if (message.signatureVersion != null && $Object.hasOwnProperty.call(message, "signatureVersion") && message.signatureVersion !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.signatureVersion);
                if (message.reportsUpToDate != null && $Object.hasOwnProperty.call(message, "reportsUpToDate") && message.reportsUpToDate !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).int32(message.reportsUpToDate);
                if (message.engineVersion != null && $Object.hasOwnProperty.call(message, "engineVersion") && message.engineVersion !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.engineVersion);
                if (message.realtimeProtectionBasis != null && $Object.hasOwnProperty.call(message, "realtimeProtectionBasis") && message.realtimeProtectionBasis !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.realtimeProtectionBasis);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an AntivirusProduct message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.AntivirusProduct
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.AntivirusProduct & invigilator.v1.AntivirusProduct.$Shape} AntivirusProduct
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AntivirusProduct.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.AntivirusProduct();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.enabled = value;
                            else
                                delete message.enabled;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.realtimeProtection = value;
                            else
                                delete message.realtimeProtection;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.signaturesUpdatedAtMs = value;
                            else
                                delete message.signaturesUpdatedAtMs;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.signatureVersion = value;
                            else
                                delete message.signatureVersion;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.reportsUpToDate = value;
                            else
                                delete message.reportsUpToDate;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.engineVersion = value;
                            else
                                delete message.engineVersion;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.realtimeProtectionBasis = value;
                            else
                                delete message.realtimeProtectionBasis;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates an AntivirusProduct message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.AntivirusProduct
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.AntivirusProduct} AntivirusProduct
             */
            AntivirusProduct.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.AntivirusProduct)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.AntivirusProduct: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.AntivirusProduct();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.enabled !== 0 && (typeof object.enabled !== "string" || $root.invigilator.v1.Tri[object.enabled] !== 0))
                    switch (object.enabled) {
                    case "TRI_UNKNOWN":
                    case 0:
                        message.enabled = 0;
                        break;
                    case "TRI_YES":
                    case 1:
                        message.enabled = 1;
                        break;
                    case "TRI_NO":
                    case 2:
                        message.enabled = 2;
                        break;
                    default:
                        if (typeof object.enabled === "number" && (object.enabled | 0) === object.enabled)
                            message.enabled = object.enabled;
                    }
                if (object.realtimeProtection !== 0 && (typeof object.realtimeProtection !== "string" || $root.invigilator.v1.Tri[object.realtimeProtection] !== 0))
                    switch (object.realtimeProtection) {
                    case "TRI_UNKNOWN":
                    case 0:
                        message.realtimeProtection = 0;
                        break;
                    case "TRI_YES":
                    case 1:
                        message.realtimeProtection = 1;
                        break;
                    case "TRI_NO":
                    case 2:
                        message.realtimeProtection = 2;
                        break;
                    default:
                        if (typeof object.realtimeProtection === "number" && (object.realtimeProtection | 0) === object.realtimeProtection)
                            message.realtimeProtection = object.realtimeProtection;
                    }
                if (object.signaturesUpdatedAtMs != null)
                    if (typeof object.signaturesUpdatedAtMs === "object" ? object.signaturesUpdatedAtMs.low || object.signaturesUpdatedAtMs.high : $Number(object.signaturesUpdatedAtMs) !== 0)
                        if ($util.Long)
                            message.signaturesUpdatedAtMs = $util.Long.fromValue(object.signaturesUpdatedAtMs, false);
                        else if (typeof object.signaturesUpdatedAtMs === "string")
                            message.signaturesUpdatedAtMs = $parseInt(object.signaturesUpdatedAtMs, 10);
                        else if (typeof object.signaturesUpdatedAtMs === "number")
                            message.signaturesUpdatedAtMs = object.signaturesUpdatedAtMs;
                        else if (typeof object.signaturesUpdatedAtMs === "object")
                            message.signaturesUpdatedAtMs = new $util.LongBits(object.signaturesUpdatedAtMs.low >>> 0, object.signaturesUpdatedAtMs.high >>> 0).toNumber();
                if (object.signatureVersion != null)
                    if (typeof object.signatureVersion !== "string" || object.signatureVersion.length)
                        message.signatureVersion = $String(object.signatureVersion);
                if (object.reportsUpToDate !== 0 && (typeof object.reportsUpToDate !== "string" || $root.invigilator.v1.Tri[object.reportsUpToDate] !== 0))
                    switch (object.reportsUpToDate) {
                    case "TRI_UNKNOWN":
                    case 0:
                        message.reportsUpToDate = 0;
                        break;
                    case "TRI_YES":
                    case 1:
                        message.reportsUpToDate = 1;
                        break;
                    case "TRI_NO":
                    case 2:
                        message.reportsUpToDate = 2;
                        break;
                    default:
                        if (typeof object.reportsUpToDate === "number" && (object.reportsUpToDate | 0) === object.reportsUpToDate)
                            message.reportsUpToDate = object.reportsUpToDate;
                    }
                if (object.engineVersion != null)
                    if (typeof object.engineVersion !== "string" || object.engineVersion.length)
                        message.engineVersion = $String(object.engineVersion);
                if (object.realtimeProtectionBasis != null)
                    if (typeof object.realtimeProtectionBasis !== "string" || object.realtimeProtectionBasis.length)
                        message.realtimeProtectionBasis = $String(object.realtimeProtectionBasis);
                return message;
            };

            /**
             * Creates a plain object from an AntivirusProduct message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.AntivirusProduct
             * @static
             * @param {invigilator.v1.AntivirusProduct} message AntivirusProduct
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AntivirusProduct.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.name = "";
                    object.enabled = options.enums === $String ? "TRI_UNKNOWN" : 0;
                    object.realtimeProtection = options.enums === $String ? "TRI_UNKNOWN" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.signaturesUpdatedAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.signaturesUpdatedAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.signatureVersion = "";
                    object.reportsUpToDate = options.enums === $String ? "TRI_UNKNOWN" : 0;
                    object.engineVersion = "";
                    object.realtimeProtectionBasis = "";
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.enabled != null && $Object.hasOwnProperty.call(message, "enabled"))
                    object.enabled = options.enums === $String ? $root.invigilator.v1.Tri[message.enabled] === $undefined ? message.enabled : $root.invigilator.v1.Tri[message.enabled] : message.enabled;
                if (message.realtimeProtection != null && $Object.hasOwnProperty.call(message, "realtimeProtection"))
                    object.realtimeProtection = options.enums === $String ? $root.invigilator.v1.Tri[message.realtimeProtection] === $undefined ? message.realtimeProtection : $root.invigilator.v1.Tri[message.realtimeProtection] : message.realtimeProtection;
                if (message.signaturesUpdatedAtMs != null && $Object.hasOwnProperty.call(message, "signaturesUpdatedAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.signaturesUpdatedAtMs = typeof message.signaturesUpdatedAtMs === "number" ? $BigInt(message.signaturesUpdatedAtMs) : $util.Long.fromBits(message.signaturesUpdatedAtMs.low >>> 0, message.signaturesUpdatedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.signaturesUpdatedAtMs === "number")
                        object.signaturesUpdatedAtMs = options.longs === $String ? $String(message.signaturesUpdatedAtMs) : message.signaturesUpdatedAtMs;
                    else
                        object.signaturesUpdatedAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.signaturesUpdatedAtMs) : options.longs === $Number ? new $util.LongBits(message.signaturesUpdatedAtMs.low >>> 0, message.signaturesUpdatedAtMs.high >>> 0).toNumber() : message.signaturesUpdatedAtMs;
                if (message.signatureVersion != null && $Object.hasOwnProperty.call(message, "signatureVersion"))
                    object.signatureVersion = message.signatureVersion;
                if (message.reportsUpToDate != null && $Object.hasOwnProperty.call(message, "reportsUpToDate"))
                    object.reportsUpToDate = options.enums === $String ? $root.invigilator.v1.Tri[message.reportsUpToDate] === $undefined ? message.reportsUpToDate : $root.invigilator.v1.Tri[message.reportsUpToDate] : message.reportsUpToDate;
                if (message.engineVersion != null && $Object.hasOwnProperty.call(message, "engineVersion"))
                    object.engineVersion = message.engineVersion;
                if (message.realtimeProtectionBasis != null && $Object.hasOwnProperty.call(message, "realtimeProtectionBasis"))
                    object.realtimeProtectionBasis = message.realtimeProtectionBasis;
                return object;
            };

            /**
             * Converts this AntivirusProduct to JSON.
             * @function toJSON
             * @memberof invigilator.v1.AntivirusProduct
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AntivirusProduct.prototype.toJSON = function() {
                return AntivirusProduct.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for AntivirusProduct
             * @function getTypeUrl
             * @memberof invigilator.v1.AntivirusProduct
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AntivirusProduct.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.AntivirusProduct";
            };

            return AntivirusProduct;
        })();

        v1.FirewallFacts = (function() {

            /**
             * Properties of a FirewallFacts.
             * @typedef {Object} invigilator.v1.FirewallFacts.$Properties
             * @property {invigilator.v1.Tri|null} [enabled] FirewallFacts enabled
             * @property {invigilator.v1.FirewallAction|null} [inboundDefault] FirewallFacts inboundDefault
             * @property {string|null} [backend] FirewallFacts backend
             * @property {Array.<invigilator.v1.FirewallProfile.$Properties>|null} [profiles] FirewallFacts profiles
             * @property {Array.<invigilator.v1.FirewallRule.$Properties>|null} [inboundAllowRules] FirewallFacts inboundAllowRules
             * @property {invigilator.v1.Tri|null} [stealthMode] FirewallFacts stealthMode
             * @property {invigilator.v1.Tri|null} [blockAllIncoming] FirewallFacts blockAllIncoming
             * @property {invigilator.v1.Tri|null} [inboundRulesListed] FirewallFacts inboundRulesListed
             * @property {string|null} [inboundRulesProblem] FirewallFacts inboundRulesProblem
             * @property {Array.<invigilator.v1.RegisteredFirewall.$Properties>|null} [registeredFirewalls] FirewallFacts registeredFirewalls
             * @property {invigilator.v1.Tri|null} [registeredFirewallsListed] FirewallFacts registeredFirewallsListed
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FirewallFacts.
             * @memberof invigilator.v1
             * @interface IFirewallFacts
             * @augments invigilator.v1.FirewallFacts.$Properties
             * @deprecated Use invigilator.v1.FirewallFacts.$Properties instead.
             */

            /**
             * Shape of a FirewallFacts.
             * @typedef {invigilator.v1.FirewallFacts.$Properties} invigilator.v1.FirewallFacts.$Shape
             */

            /**
             * Constructs a new FirewallFacts.
             * @memberof invigilator.v1
             * @classdesc Represents a FirewallFacts.
             * @constructor
             * @param {invigilator.v1.FirewallFacts.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FirewallFacts = function (properties) {
                this.profiles = [];
                this.inboundAllowRules = [];
                this.registeredFirewalls = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * FirewallFacts enabled.
             * @member {invigilator.v1.Tri} enabled
             * @memberof invigilator.v1.FirewallFacts
             * @instance
             */
            FirewallFacts.prototype.enabled = 0;

            /**
             * FirewallFacts inboundDefault.
             * @member {invigilator.v1.FirewallAction} inboundDefault
             * @memberof invigilator.v1.FirewallFacts
             * @instance
             */
            FirewallFacts.prototype.inboundDefault = 0;

            /**
             * FirewallFacts backend.
             * @member {string} backend
             * @memberof invigilator.v1.FirewallFacts
             * @instance
             */
            FirewallFacts.prototype.backend = "";

            /**
             * FirewallFacts profiles.
             * @member {Array.<invigilator.v1.FirewallProfile.$Properties>} profiles
             * @memberof invigilator.v1.FirewallFacts
             * @instance
             */
            FirewallFacts.prototype.profiles = $util.emptyArray;

            /**
             * FirewallFacts inboundAllowRules.
             * @member {Array.<invigilator.v1.FirewallRule.$Properties>} inboundAllowRules
             * @memberof invigilator.v1.FirewallFacts
             * @instance
             */
            FirewallFacts.prototype.inboundAllowRules = $util.emptyArray;

            /**
             * FirewallFacts stealthMode.
             * @member {invigilator.v1.Tri} stealthMode
             * @memberof invigilator.v1.FirewallFacts
             * @instance
             */
            FirewallFacts.prototype.stealthMode = 0;

            /**
             * FirewallFacts blockAllIncoming.
             * @member {invigilator.v1.Tri} blockAllIncoming
             * @memberof invigilator.v1.FirewallFacts
             * @instance
             */
            FirewallFacts.prototype.blockAllIncoming = 0;

            /**
             * FirewallFacts inboundRulesListed.
             * @member {invigilator.v1.Tri} inboundRulesListed
             * @memberof invigilator.v1.FirewallFacts
             * @instance
             */
            FirewallFacts.prototype.inboundRulesListed = 0;

            /**
             * FirewallFacts inboundRulesProblem.
             * @member {string} inboundRulesProblem
             * @memberof invigilator.v1.FirewallFacts
             * @instance
             */
            FirewallFacts.prototype.inboundRulesProblem = "";

            /**
             * FirewallFacts registeredFirewalls.
             * @member {Array.<invigilator.v1.RegisteredFirewall.$Properties>} registeredFirewalls
             * @memberof invigilator.v1.FirewallFacts
             * @instance
             */
            FirewallFacts.prototype.registeredFirewalls = $util.emptyArray;

            /**
             * FirewallFacts registeredFirewallsListed.
             * @member {invigilator.v1.Tri} registeredFirewallsListed
             * @memberof invigilator.v1.FirewallFacts
             * @instance
             */
            FirewallFacts.prototype.registeredFirewallsListed = 0;

            /**
             * Creates a new FirewallFacts instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.FirewallFacts
             * @static
             * @param {invigilator.v1.FirewallFacts.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.FirewallFacts} FirewallFacts instance
             * @type {{
             *   (properties: invigilator.v1.FirewallFacts.$Shape): invigilator.v1.FirewallFacts & invigilator.v1.FirewallFacts.$Shape;
             *   (properties?: invigilator.v1.FirewallFacts.$Properties): invigilator.v1.FirewallFacts;
             * }}
             */
            FirewallFacts.create = function(properties) {
                return new FirewallFacts(properties);
            };

            /**
             * Encodes the specified FirewallFacts message. Does not implicitly {@link invigilator.v1.FirewallFacts.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.FirewallFacts
             * @static
             * @param {invigilator.v1.FirewallFacts.$Properties} message FirewallFacts message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FirewallFacts.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.enabled != null && $Object.hasOwnProperty.call(message, "enabled") && message.enabled !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.enabled);
                if (message.inboundDefault != null && $Object.hasOwnProperty.call(message, "inboundDefault") && message.inboundDefault !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.inboundDefault);
                if (message.backend != null && $Object.hasOwnProperty.call(message, "backend") && message.backend !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.backend);
                if (message.profiles != null && message.profiles.length)
                    for (let i = 0; i < message.profiles.length; ++i)
                        $root.invigilator.v1.FirewallProfile.encode(message.profiles[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.inboundAllowRules != null && message.inboundAllowRules.length)
                    for (let i = 0; i < message.inboundAllowRules.length; ++i)
                        $root.invigilator.v1.FirewallRule.encode(message.inboundAllowRules[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.stealthMode != null && $Object.hasOwnProperty.call(message, "stealthMode") && message.stealthMode !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).int32(message.stealthMode);
                if (message.blockAllIncoming != null && $Object.hasOwnProperty.call(message, "blockAllIncoming") && message.blockAllIncoming !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).int32(message.blockAllIncoming);
                if (message.inboundRulesListed != null && $Object.hasOwnProperty.call(message, "inboundRulesListed") && message.inboundRulesListed !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).int32(message.inboundRulesListed);
                if (message.inboundRulesProblem != null && $Object.hasOwnProperty.call(message, "inboundRulesProblem") && message.inboundRulesProblem !== "")
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.inboundRulesProblem);
                if (message.registeredFirewalls != null && message.registeredFirewalls.length)
                    for (let i = 0; i < message.registeredFirewalls.length; ++i)
                        $root.invigilator.v1.RegisteredFirewall.encode(message.registeredFirewalls[i], writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                if (message.registeredFirewallsListed != null && $Object.hasOwnProperty.call(message, "registeredFirewallsListed") && message.registeredFirewallsListed !== 0)
                    writer.uint32(/* id 11, wireType 0 =*/88).int32(message.registeredFirewallsListed);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a FirewallFacts message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.FirewallFacts
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.FirewallFacts & invigilator.v1.FirewallFacts.$Shape} FirewallFacts
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FirewallFacts.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.FirewallFacts();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.enabled = value;
                            else
                                delete message.enabled;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.inboundDefault = value;
                            else
                                delete message.inboundDefault;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.backend = value;
                            else
                                delete message.backend;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.profiles && message.profiles.length))
                                message.profiles = [];
                            message.profiles.push($root.invigilator.v1.FirewallProfile.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if (!(message.inboundAllowRules && message.inboundAllowRules.length))
                                message.inboundAllowRules = [];
                            message.inboundAllowRules.push($root.invigilator.v1.FirewallRule.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.stealthMode = value;
                            else
                                delete message.stealthMode;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.blockAllIncoming = value;
                            else
                                delete message.blockAllIncoming;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.inboundRulesListed = value;
                            else
                                delete message.inboundRulesListed;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.inboundRulesProblem = value;
                            else
                                delete message.inboundRulesProblem;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if (!(message.registeredFirewalls && message.registeredFirewalls.length))
                                message.registeredFirewalls = [];
                            message.registeredFirewalls.push($root.invigilator.v1.RegisteredFirewall.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 11: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.registeredFirewallsListed = value;
                            else
                                delete message.registeredFirewallsListed;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a FirewallFacts message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.FirewallFacts
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.FirewallFacts} FirewallFacts
             */
            FirewallFacts.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.FirewallFacts)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.FirewallFacts: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.FirewallFacts();
                if (object.enabled !== 0 && (typeof object.enabled !== "string" || $root.invigilator.v1.Tri[object.enabled] !== 0))
                    switch (object.enabled) {
                    case "TRI_UNKNOWN":
                    case 0:
                        message.enabled = 0;
                        break;
                    case "TRI_YES":
                    case 1:
                        message.enabled = 1;
                        break;
                    case "TRI_NO":
                    case 2:
                        message.enabled = 2;
                        break;
                    default:
                        if (typeof object.enabled === "number" && (object.enabled | 0) === object.enabled)
                            message.enabled = object.enabled;
                    }
                if (object.inboundDefault !== 0 && (typeof object.inboundDefault !== "string" || $root.invigilator.v1.FirewallAction[object.inboundDefault] !== 0))
                    switch (object.inboundDefault) {
                    case "FIREWALL_ACTION_UNSPECIFIED":
                    case 0:
                        message.inboundDefault = 0;
                        break;
                    case "FIREWALL_ALLOW":
                    case 1:
                        message.inboundDefault = 1;
                        break;
                    case "FIREWALL_DROP":
                    case 2:
                        message.inboundDefault = 2;
                        break;
                    case "FIREWALL_REJECT":
                    case 3:
                        message.inboundDefault = 3;
                        break;
                    default:
                        if (typeof object.inboundDefault === "number" && (object.inboundDefault | 0) === object.inboundDefault)
                            message.inboundDefault = object.inboundDefault;
                    }
                if (object.backend != null)
                    if (typeof object.backend !== "string" || object.backend.length)
                        message.backend = $String(object.backend);
                if (object.profiles) {
                    if (!$Array.isArray(object.profiles))
                        throw $TypeError(".invigilator.v1.FirewallFacts.profiles: array expected");
                    message.profiles = $Array(object.profiles.length);
                    for (let i = 0; i < object.profiles.length; ++i) {
                        if (!$util.isObject(object.profiles[i]))
                            throw $TypeError(".invigilator.v1.FirewallFacts.profiles: object expected");
                        message.profiles[i] = $root.invigilator.v1.FirewallProfile.fromObject(object.profiles[i], _depth + 1);
                    }
                }
                if (object.inboundAllowRules) {
                    if (!$Array.isArray(object.inboundAllowRules))
                        throw $TypeError(".invigilator.v1.FirewallFacts.inboundAllowRules: array expected");
                    message.inboundAllowRules = $Array(object.inboundAllowRules.length);
                    for (let i = 0; i < object.inboundAllowRules.length; ++i) {
                        if (!$util.isObject(object.inboundAllowRules[i]))
                            throw $TypeError(".invigilator.v1.FirewallFacts.inboundAllowRules: object expected");
                        message.inboundAllowRules[i] = $root.invigilator.v1.FirewallRule.fromObject(object.inboundAllowRules[i], _depth + 1);
                    }
                }
                if (object.stealthMode !== 0 && (typeof object.stealthMode !== "string" || $root.invigilator.v1.Tri[object.stealthMode] !== 0))
                    switch (object.stealthMode) {
                    case "TRI_UNKNOWN":
                    case 0:
                        message.stealthMode = 0;
                        break;
                    case "TRI_YES":
                    case 1:
                        message.stealthMode = 1;
                        break;
                    case "TRI_NO":
                    case 2:
                        message.stealthMode = 2;
                        break;
                    default:
                        if (typeof object.stealthMode === "number" && (object.stealthMode | 0) === object.stealthMode)
                            message.stealthMode = object.stealthMode;
                    }
                if (object.blockAllIncoming !== 0 && (typeof object.blockAllIncoming !== "string" || $root.invigilator.v1.Tri[object.blockAllIncoming] !== 0))
                    switch (object.blockAllIncoming) {
                    case "TRI_UNKNOWN":
                    case 0:
                        message.blockAllIncoming = 0;
                        break;
                    case "TRI_YES":
                    case 1:
                        message.blockAllIncoming = 1;
                        break;
                    case "TRI_NO":
                    case 2:
                        message.blockAllIncoming = 2;
                        break;
                    default:
                        if (typeof object.blockAllIncoming === "number" && (object.blockAllIncoming | 0) === object.blockAllIncoming)
                            message.blockAllIncoming = object.blockAllIncoming;
                    }
                if (object.inboundRulesListed !== 0 && (typeof object.inboundRulesListed !== "string" || $root.invigilator.v1.Tri[object.inboundRulesListed] !== 0))
                    switch (object.inboundRulesListed) {
                    case "TRI_UNKNOWN":
                    case 0:
                        message.inboundRulesListed = 0;
                        break;
                    case "TRI_YES":
                    case 1:
                        message.inboundRulesListed = 1;
                        break;
                    case "TRI_NO":
                    case 2:
                        message.inboundRulesListed = 2;
                        break;
                    default:
                        if (typeof object.inboundRulesListed === "number" && (object.inboundRulesListed | 0) === object.inboundRulesListed)
                            message.inboundRulesListed = object.inboundRulesListed;
                    }
                if (object.inboundRulesProblem != null)
                    if (typeof object.inboundRulesProblem !== "string" || object.inboundRulesProblem.length)
                        message.inboundRulesProblem = $String(object.inboundRulesProblem);
                if (object.registeredFirewalls) {
                    if (!$Array.isArray(object.registeredFirewalls))
                        throw $TypeError(".invigilator.v1.FirewallFacts.registeredFirewalls: array expected");
                    message.registeredFirewalls = $Array(object.registeredFirewalls.length);
                    for (let i = 0; i < object.registeredFirewalls.length; ++i) {
                        if (!$util.isObject(object.registeredFirewalls[i]))
                            throw $TypeError(".invigilator.v1.FirewallFacts.registeredFirewalls: object expected");
                        message.registeredFirewalls[i] = $root.invigilator.v1.RegisteredFirewall.fromObject(object.registeredFirewalls[i], _depth + 1);
                    }
                }
                if (object.registeredFirewallsListed !== 0 && (typeof object.registeredFirewallsListed !== "string" || $root.invigilator.v1.Tri[object.registeredFirewallsListed] !== 0))
                    switch (object.registeredFirewallsListed) {
                    case "TRI_UNKNOWN":
                    case 0:
                        message.registeredFirewallsListed = 0;
                        break;
                    case "TRI_YES":
                    case 1:
                        message.registeredFirewallsListed = 1;
                        break;
                    case "TRI_NO":
                    case 2:
                        message.registeredFirewallsListed = 2;
                        break;
                    default:
                        if (typeof object.registeredFirewallsListed === "number" && (object.registeredFirewallsListed | 0) === object.registeredFirewallsListed)
                            message.registeredFirewallsListed = object.registeredFirewallsListed;
                    }
                return message;
            };

            /**
             * Creates a plain object from a FirewallFacts message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.FirewallFacts
             * @static
             * @param {invigilator.v1.FirewallFacts} message FirewallFacts
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            FirewallFacts.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.profiles = [];
                    object.inboundAllowRules = [];
                    object.registeredFirewalls = [];
                }
                if (options.defaults) {
                    object.enabled = options.enums === $String ? "TRI_UNKNOWN" : 0;
                    object.inboundDefault = options.enums === $String ? "FIREWALL_ACTION_UNSPECIFIED" : 0;
                    object.backend = "";
                    object.stealthMode = options.enums === $String ? "TRI_UNKNOWN" : 0;
                    object.blockAllIncoming = options.enums === $String ? "TRI_UNKNOWN" : 0;
                    object.inboundRulesListed = options.enums === $String ? "TRI_UNKNOWN" : 0;
                    object.inboundRulesProblem = "";
                    object.registeredFirewallsListed = options.enums === $String ? "TRI_UNKNOWN" : 0;
                }
                if (message.enabled != null && $Object.hasOwnProperty.call(message, "enabled"))
                    object.enabled = options.enums === $String ? $root.invigilator.v1.Tri[message.enabled] === $undefined ? message.enabled : $root.invigilator.v1.Tri[message.enabled] : message.enabled;
                if (message.inboundDefault != null && $Object.hasOwnProperty.call(message, "inboundDefault"))
                    object.inboundDefault = options.enums === $String ? $root.invigilator.v1.FirewallAction[message.inboundDefault] === $undefined ? message.inboundDefault : $root.invigilator.v1.FirewallAction[message.inboundDefault] : message.inboundDefault;
                if (message.backend != null && $Object.hasOwnProperty.call(message, "backend"))
                    object.backend = message.backend;
                if (message.profiles && message.profiles.length) {
                    object.profiles = $Array(message.profiles.length);
                    for (let j = 0; j < message.profiles.length; ++j)
                        object.profiles[j] = $root.invigilator.v1.FirewallProfile.toObject(message.profiles[j], options, _depth + 1);
                }
                if (message.inboundAllowRules && message.inboundAllowRules.length) {
                    object.inboundAllowRules = $Array(message.inboundAllowRules.length);
                    for (let j = 0; j < message.inboundAllowRules.length; ++j)
                        object.inboundAllowRules[j] = $root.invigilator.v1.FirewallRule.toObject(message.inboundAllowRules[j], options, _depth + 1);
                }
                if (message.stealthMode != null && $Object.hasOwnProperty.call(message, "stealthMode"))
                    object.stealthMode = options.enums === $String ? $root.invigilator.v1.Tri[message.stealthMode] === $undefined ? message.stealthMode : $root.invigilator.v1.Tri[message.stealthMode] : message.stealthMode;
                if (message.blockAllIncoming != null && $Object.hasOwnProperty.call(message, "blockAllIncoming"))
                    object.blockAllIncoming = options.enums === $String ? $root.invigilator.v1.Tri[message.blockAllIncoming] === $undefined ? message.blockAllIncoming : $root.invigilator.v1.Tri[message.blockAllIncoming] : message.blockAllIncoming;
                if (message.inboundRulesListed != null && $Object.hasOwnProperty.call(message, "inboundRulesListed"))
                    object.inboundRulesListed = options.enums === $String ? $root.invigilator.v1.Tri[message.inboundRulesListed] === $undefined ? message.inboundRulesListed : $root.invigilator.v1.Tri[message.inboundRulesListed] : message.inboundRulesListed;
                if (message.inboundRulesProblem != null && $Object.hasOwnProperty.call(message, "inboundRulesProblem"))
                    object.inboundRulesProblem = message.inboundRulesProblem;
                if (message.registeredFirewalls && message.registeredFirewalls.length) {
                    object.registeredFirewalls = $Array(message.registeredFirewalls.length);
                    for (let j = 0; j < message.registeredFirewalls.length; ++j)
                        object.registeredFirewalls[j] = $root.invigilator.v1.RegisteredFirewall.toObject(message.registeredFirewalls[j], options, _depth + 1);
                }
                if (message.registeredFirewallsListed != null && $Object.hasOwnProperty.call(message, "registeredFirewallsListed"))
                    object.registeredFirewallsListed = options.enums === $String ? $root.invigilator.v1.Tri[message.registeredFirewallsListed] === $undefined ? message.registeredFirewallsListed : $root.invigilator.v1.Tri[message.registeredFirewallsListed] : message.registeredFirewallsListed;
                return object;
            };

            /**
             * Converts this FirewallFacts to JSON.
             * @function toJSON
             * @memberof invigilator.v1.FirewallFacts
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            FirewallFacts.prototype.toJSON = function() {
                return FirewallFacts.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for FirewallFacts
             * @function getTypeUrl
             * @memberof invigilator.v1.FirewallFacts
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FirewallFacts.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.FirewallFacts";
            };

            return FirewallFacts;
        })();

        v1.RegisteredFirewall = (function() {

            /**
             * Properties of a RegisteredFirewall.
             * @typedef {Object} invigilator.v1.RegisteredFirewall.$Properties
             * @property {string|null} [name] RegisteredFirewall name
             * @property {invigilator.v1.Tri|null} [enabled] RegisteredFirewall enabled
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RegisteredFirewall.
             * @memberof invigilator.v1
             * @interface IRegisteredFirewall
             * @augments invigilator.v1.RegisteredFirewall.$Properties
             * @deprecated Use invigilator.v1.RegisteredFirewall.$Properties instead.
             */

            /**
             * Shape of a RegisteredFirewall.
             * @typedef {invigilator.v1.RegisteredFirewall.$Properties} invigilator.v1.RegisteredFirewall.$Shape
             */

            /**
             * Constructs a new RegisteredFirewall.
             * @memberof invigilator.v1
             * @classdesc Represents a RegisteredFirewall.
             * @constructor
             * @param {invigilator.v1.RegisteredFirewall.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RegisteredFirewall = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RegisteredFirewall name.
             * @member {string} name
             * @memberof invigilator.v1.RegisteredFirewall
             * @instance
             */
            RegisteredFirewall.prototype.name = "";

            /**
             * RegisteredFirewall enabled.
             * @member {invigilator.v1.Tri} enabled
             * @memberof invigilator.v1.RegisteredFirewall
             * @instance
             */
            RegisteredFirewall.prototype.enabled = 0;

            /**
             * Creates a new RegisteredFirewall instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.RegisteredFirewall
             * @static
             * @param {invigilator.v1.RegisteredFirewall.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.RegisteredFirewall} RegisteredFirewall instance
             * @type {{
             *   (properties: invigilator.v1.RegisteredFirewall.$Shape): invigilator.v1.RegisteredFirewall & invigilator.v1.RegisteredFirewall.$Shape;
             *   (properties?: invigilator.v1.RegisteredFirewall.$Properties): invigilator.v1.RegisteredFirewall;
             * }}
             */
            RegisteredFirewall.create = function(properties) {
                return new RegisteredFirewall(properties);
            };

            /**
             * Encodes the specified RegisteredFirewall message. Does not implicitly {@link invigilator.v1.RegisteredFirewall.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.RegisteredFirewall
             * @static
             * @param {invigilator.v1.RegisteredFirewall.$Properties} message RegisteredFirewall message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RegisteredFirewall.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.enabled != null && $Object.hasOwnProperty.call(message, "enabled") && message.enabled !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.enabled);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RegisteredFirewall message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.RegisteredFirewall
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.RegisteredFirewall & invigilator.v1.RegisteredFirewall.$Shape} RegisteredFirewall
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RegisteredFirewall.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.RegisteredFirewall();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.enabled = value;
                            else
                                delete message.enabled;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a RegisteredFirewall message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.RegisteredFirewall
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.RegisteredFirewall} RegisteredFirewall
             */
            RegisteredFirewall.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.RegisteredFirewall)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.RegisteredFirewall: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.RegisteredFirewall();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.enabled !== 0 && (typeof object.enabled !== "string" || $root.invigilator.v1.Tri[object.enabled] !== 0))
                    switch (object.enabled) {
                    case "TRI_UNKNOWN":
                    case 0:
                        message.enabled = 0;
                        break;
                    case "TRI_YES":
                    case 1:
                        message.enabled = 1;
                        break;
                    case "TRI_NO":
                    case 2:
                        message.enabled = 2;
                        break;
                    default:
                        if (typeof object.enabled === "number" && (object.enabled | 0) === object.enabled)
                            message.enabled = object.enabled;
                    }
                return message;
            };

            /**
             * Creates a plain object from a RegisteredFirewall message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.RegisteredFirewall
             * @static
             * @param {invigilator.v1.RegisteredFirewall} message RegisteredFirewall
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RegisteredFirewall.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.name = "";
                    object.enabled = options.enums === $String ? "TRI_UNKNOWN" : 0;
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.enabled != null && $Object.hasOwnProperty.call(message, "enabled"))
                    object.enabled = options.enums === $String ? $root.invigilator.v1.Tri[message.enabled] === $undefined ? message.enabled : $root.invigilator.v1.Tri[message.enabled] : message.enabled;
                return object;
            };

            /**
             * Converts this RegisteredFirewall to JSON.
             * @function toJSON
             * @memberof invigilator.v1.RegisteredFirewall
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RegisteredFirewall.prototype.toJSON = function() {
                return RegisteredFirewall.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RegisteredFirewall
             * @function getTypeUrl
             * @memberof invigilator.v1.RegisteredFirewall
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RegisteredFirewall.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.RegisteredFirewall";
            };

            return RegisteredFirewall;
        })();

        /**
         * FirewallAction enum.
         * @name invigilator.v1.FirewallAction
         * @enum {number}
         * @property {number} FIREWALL_ACTION_UNSPECIFIED=0 FIREWALL_ACTION_UNSPECIFIED value
         * @property {number} FIREWALL_ALLOW=1 FIREWALL_ALLOW value
         * @property {number} FIREWALL_DROP=2 FIREWALL_DROP value
         * @property {number} FIREWALL_REJECT=3 FIREWALL_REJECT value
         */
        v1.FirewallAction = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "FIREWALL_ACTION_UNSPECIFIED"] = 0;
            values[valuesById[1] = "FIREWALL_ALLOW"] = 1;
            values[valuesById[2] = "FIREWALL_DROP"] = 2;
            values[valuesById[3] = "FIREWALL_REJECT"] = 3;
            return values;
        })();

        v1.FirewallProfile = (function() {

            /**
             * Properties of a FirewallProfile.
             * @typedef {Object} invigilator.v1.FirewallProfile.$Properties
             * @property {string|null} [name] FirewallProfile name
             * @property {invigilator.v1.Tri|null} [enabled] FirewallProfile enabled
             * @property {invigilator.v1.FirewallAction|null} [inboundDefault] FirewallProfile inboundDefault
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FirewallProfile.
             * @memberof invigilator.v1
             * @interface IFirewallProfile
             * @augments invigilator.v1.FirewallProfile.$Properties
             * @deprecated Use invigilator.v1.FirewallProfile.$Properties instead.
             */

            /**
             * Shape of a FirewallProfile.
             * @typedef {invigilator.v1.FirewallProfile.$Properties} invigilator.v1.FirewallProfile.$Shape
             */

            /**
             * Constructs a new FirewallProfile.
             * @memberof invigilator.v1
             * @classdesc Represents a FirewallProfile.
             * @constructor
             * @param {invigilator.v1.FirewallProfile.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FirewallProfile = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * FirewallProfile name.
             * @member {string} name
             * @memberof invigilator.v1.FirewallProfile
             * @instance
             */
            FirewallProfile.prototype.name = "";

            /**
             * FirewallProfile enabled.
             * @member {invigilator.v1.Tri} enabled
             * @memberof invigilator.v1.FirewallProfile
             * @instance
             */
            FirewallProfile.prototype.enabled = 0;

            /**
             * FirewallProfile inboundDefault.
             * @member {invigilator.v1.FirewallAction} inboundDefault
             * @memberof invigilator.v1.FirewallProfile
             * @instance
             */
            FirewallProfile.prototype.inboundDefault = 0;

            /**
             * Creates a new FirewallProfile instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.FirewallProfile
             * @static
             * @param {invigilator.v1.FirewallProfile.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.FirewallProfile} FirewallProfile instance
             * @type {{
             *   (properties: invigilator.v1.FirewallProfile.$Shape): invigilator.v1.FirewallProfile & invigilator.v1.FirewallProfile.$Shape;
             *   (properties?: invigilator.v1.FirewallProfile.$Properties): invigilator.v1.FirewallProfile;
             * }}
             */
            FirewallProfile.create = function(properties) {
                return new FirewallProfile(properties);
            };

            /**
             * Encodes the specified FirewallProfile message. Does not implicitly {@link invigilator.v1.FirewallProfile.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.FirewallProfile
             * @static
             * @param {invigilator.v1.FirewallProfile.$Properties} message FirewallProfile message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FirewallProfile.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.enabled != null && $Object.hasOwnProperty.call(message, "enabled") && message.enabled !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.enabled);
                if (message.inboundDefault != null && $Object.hasOwnProperty.call(message, "inboundDefault") && message.inboundDefault !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.inboundDefault);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a FirewallProfile message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.FirewallProfile
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.FirewallProfile & invigilator.v1.FirewallProfile.$Shape} FirewallProfile
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FirewallProfile.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.FirewallProfile();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.enabled = value;
                            else
                                delete message.enabled;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.inboundDefault = value;
                            else
                                delete message.inboundDefault;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a FirewallProfile message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.FirewallProfile
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.FirewallProfile} FirewallProfile
             */
            FirewallProfile.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.FirewallProfile)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.FirewallProfile: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.FirewallProfile();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.enabled !== 0 && (typeof object.enabled !== "string" || $root.invigilator.v1.Tri[object.enabled] !== 0))
                    switch (object.enabled) {
                    case "TRI_UNKNOWN":
                    case 0:
                        message.enabled = 0;
                        break;
                    case "TRI_YES":
                    case 1:
                        message.enabled = 1;
                        break;
                    case "TRI_NO":
                    case 2:
                        message.enabled = 2;
                        break;
                    default:
                        if (typeof object.enabled === "number" && (object.enabled | 0) === object.enabled)
                            message.enabled = object.enabled;
                    }
                if (object.inboundDefault !== 0 && (typeof object.inboundDefault !== "string" || $root.invigilator.v1.FirewallAction[object.inboundDefault] !== 0))
                    switch (object.inboundDefault) {
                    case "FIREWALL_ACTION_UNSPECIFIED":
                    case 0:
                        message.inboundDefault = 0;
                        break;
                    case "FIREWALL_ALLOW":
                    case 1:
                        message.inboundDefault = 1;
                        break;
                    case "FIREWALL_DROP":
                    case 2:
                        message.inboundDefault = 2;
                        break;
                    case "FIREWALL_REJECT":
                    case 3:
                        message.inboundDefault = 3;
                        break;
                    default:
                        if (typeof object.inboundDefault === "number" && (object.inboundDefault | 0) === object.inboundDefault)
                            message.inboundDefault = object.inboundDefault;
                    }
                return message;
            };

            /**
             * Creates a plain object from a FirewallProfile message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.FirewallProfile
             * @static
             * @param {invigilator.v1.FirewallProfile} message FirewallProfile
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            FirewallProfile.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.name = "";
                    object.enabled = options.enums === $String ? "TRI_UNKNOWN" : 0;
                    object.inboundDefault = options.enums === $String ? "FIREWALL_ACTION_UNSPECIFIED" : 0;
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.enabled != null && $Object.hasOwnProperty.call(message, "enabled"))
                    object.enabled = options.enums === $String ? $root.invigilator.v1.Tri[message.enabled] === $undefined ? message.enabled : $root.invigilator.v1.Tri[message.enabled] : message.enabled;
                if (message.inboundDefault != null && $Object.hasOwnProperty.call(message, "inboundDefault"))
                    object.inboundDefault = options.enums === $String ? $root.invigilator.v1.FirewallAction[message.inboundDefault] === $undefined ? message.inboundDefault : $root.invigilator.v1.FirewallAction[message.inboundDefault] : message.inboundDefault;
                return object;
            };

            /**
             * Converts this FirewallProfile to JSON.
             * @function toJSON
             * @memberof invigilator.v1.FirewallProfile
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            FirewallProfile.prototype.toJSON = function() {
                return FirewallProfile.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for FirewallProfile
             * @function getTypeUrl
             * @memberof invigilator.v1.FirewallProfile
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FirewallProfile.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.FirewallProfile";
            };

            return FirewallProfile;
        })();

        v1.FirewallRule = (function() {

            /**
             * Properties of a FirewallRule.
             * @typedef {Object} invigilator.v1.FirewallRule.$Properties
             * @property {string|null} [name] FirewallRule name
             * @property {string|null} [protocol] FirewallRule protocol
             * @property {string|null} [ports] FirewallRule ports
             * @property {string|null} [source] FirewallRule source
             * @property {string|null} [application] FirewallRule application
             * @property {string|null} [profile] FirewallRule profile
             * @property {string|null} ["interface"] FirewallRule interface
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FirewallRule.
             * @memberof invigilator.v1
             * @interface IFirewallRule
             * @augments invigilator.v1.FirewallRule.$Properties
             * @deprecated Use invigilator.v1.FirewallRule.$Properties instead.
             */

            /**
             * Shape of a FirewallRule.
             * @typedef {invigilator.v1.FirewallRule.$Properties} invigilator.v1.FirewallRule.$Shape
             */

            /**
             * Constructs a new FirewallRule.
             * @memberof invigilator.v1
             * @classdesc Represents a FirewallRule.
             * @constructor
             * @param {invigilator.v1.FirewallRule.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FirewallRule = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * FirewallRule name.
             * @member {string} name
             * @memberof invigilator.v1.FirewallRule
             * @instance
             */
            FirewallRule.prototype.name = "";

            /**
             * FirewallRule protocol.
             * @member {string} protocol
             * @memberof invigilator.v1.FirewallRule
             * @instance
             */
            FirewallRule.prototype.protocol = "";

            /**
             * FirewallRule ports.
             * @member {string} ports
             * @memberof invigilator.v1.FirewallRule
             * @instance
             */
            FirewallRule.prototype.ports = "";

            /**
             * FirewallRule source.
             * @member {string} source
             * @memberof invigilator.v1.FirewallRule
             * @instance
             */
            FirewallRule.prototype.source = "";

            /**
             * FirewallRule application.
             * @member {string} application
             * @memberof invigilator.v1.FirewallRule
             * @instance
             */
            FirewallRule.prototype.application = "";

            /**
             * FirewallRule profile.
             * @member {string} profile
             * @memberof invigilator.v1.FirewallRule
             * @instance
             */
            FirewallRule.prototype.profile = "";

            /**
             * FirewallRule interface.
             * @member {string} interface
             * @memberof invigilator.v1.FirewallRule
             * @instance
             */
            FirewallRule.prototype["interface"] = "";

            /**
             * Creates a new FirewallRule instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.FirewallRule
             * @static
             * @param {invigilator.v1.FirewallRule.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.FirewallRule} FirewallRule instance
             * @type {{
             *   (properties: invigilator.v1.FirewallRule.$Shape): invigilator.v1.FirewallRule & invigilator.v1.FirewallRule.$Shape;
             *   (properties?: invigilator.v1.FirewallRule.$Properties): invigilator.v1.FirewallRule;
             * }}
             */
            FirewallRule.create = function(properties) {
                return new FirewallRule(properties);
            };

            /**
             * Encodes the specified FirewallRule message. Does not implicitly {@link invigilator.v1.FirewallRule.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.FirewallRule
             * @static
             * @param {invigilator.v1.FirewallRule.$Properties} message FirewallRule message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FirewallRule.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.protocol != null && $Object.hasOwnProperty.call(message, "protocol") && message.protocol !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.protocol);
                if (message.ports != null && $Object.hasOwnProperty.call(message, "ports") && message.ports !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.ports);
                if (message.source != null && $Object.hasOwnProperty.call(message, "source") && message.source !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.source);
                if (message.application != null && $Object.hasOwnProperty.call(message, "application") && message.application !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.application);
                if (message.profile != null && $Object.hasOwnProperty.call(message, "profile") && message.profile !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.profile);
                if (message["interface"] != null && $Object.hasOwnProperty.call(message, "interface") && message["interface"] !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message["interface"]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a FirewallRule message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.FirewallRule
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.FirewallRule & invigilator.v1.FirewallRule.$Shape} FirewallRule
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FirewallRule.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.FirewallRule();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.protocol = value;
                            else
                                delete message.protocol;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.ports = value;
                            else
                                delete message.ports;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.source = value;
                            else
                                delete message.source;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.application = value;
                            else
                                delete message.application;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.profile = value;
                            else
                                delete message.profile;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message["interface"] = value;
                            else
                                delete message["interface"];
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a FirewallRule message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.FirewallRule
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.FirewallRule} FirewallRule
             */
            FirewallRule.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.FirewallRule)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.FirewallRule: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.FirewallRule();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.protocol != null)
                    if (typeof object.protocol !== "string" || object.protocol.length)
                        message.protocol = $String(object.protocol);
                if (object.ports != null)
                    if (typeof object.ports !== "string" || object.ports.length)
                        message.ports = $String(object.ports);
                if (object.source != null)
                    if (typeof object.source !== "string" || object.source.length)
                        message.source = $String(object.source);
                if (object.application != null)
                    if (typeof object.application !== "string" || object.application.length)
                        message.application = $String(object.application);
                if (object.profile != null)
                    if (typeof object.profile !== "string" || object.profile.length)
                        message.profile = $String(object.profile);
                if (object["interface"] != null)
                    if (typeof object["interface"] !== "string" || object["interface"].length)
                        message["interface"] = $String(object["interface"]);
                return message;
            };

            /**
             * Creates a plain object from a FirewallRule message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.FirewallRule
             * @static
             * @param {invigilator.v1.FirewallRule} message FirewallRule
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            FirewallRule.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.name = "";
                    object.protocol = "";
                    object.ports = "";
                    object.source = "";
                    object.application = "";
                    object.profile = "";
                    object["interface"] = "";
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.protocol != null && $Object.hasOwnProperty.call(message, "protocol"))
                    object.protocol = message.protocol;
                if (message.ports != null && $Object.hasOwnProperty.call(message, "ports"))
                    object.ports = message.ports;
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    object.source = message.source;
                if (message.application != null && $Object.hasOwnProperty.call(message, "application"))
                    object.application = message.application;
                if (message.profile != null && $Object.hasOwnProperty.call(message, "profile"))
                    object.profile = message.profile;
                if (message["interface"] != null && $Object.hasOwnProperty.call(message, "interface"))
                    object["interface"] = message["interface"];
                return object;
            };

            /**
             * Converts this FirewallRule to JSON.
             * @function toJSON
             * @memberof invigilator.v1.FirewallRule
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            FirewallRule.prototype.toJSON = function() {
                return FirewallRule.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for FirewallRule
             * @function getTypeUrl
             * @memberof invigilator.v1.FirewallRule
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FirewallRule.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.FirewallRule";
            };

            return FirewallRule;
        })();

        v1.PasswordPolicyFacts = (function() {

            /**
             * Properties of a PasswordPolicyFacts.
             * @typedef {Object} invigilator.v1.PasswordPolicyFacts.$Properties
             * @property {number|null} [minLength] PasswordPolicyFacts minLength
             * @property {number|null} [maxLength] PasswordPolicyFacts maxLength
             * @property {number|null} [minCharacterClasses] PasswordPolicyFacts minCharacterClasses
             * @property {number|null} [maxAgeDays] PasswordPolicyFacts maxAgeDays
             * @property {invigilator.v1.Tri|null} [complexityRequired] PasswordPolicyFacts complexityRequired
             * @property {invigilator.v1.Tri|null} [denyListEnforced] PasswordPolicyFacts denyListEnforced
             * @property {number|null} [lockoutThreshold] PasswordPolicyFacts lockoutThreshold
             * @property {number|null} [historyLength] PasswordPolicyFacts historyLength
             * @property {string|null} [denyListProblem] PasswordPolicyFacts denyListProblem
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PasswordPolicyFacts.
             * @memberof invigilator.v1
             * @interface IPasswordPolicyFacts
             * @augments invigilator.v1.PasswordPolicyFacts.$Properties
             * @deprecated Use invigilator.v1.PasswordPolicyFacts.$Properties instead.
             */

            /**
             * Shape of a PasswordPolicyFacts.
             * @typedef {invigilator.v1.PasswordPolicyFacts.$Properties} invigilator.v1.PasswordPolicyFacts.$Shape
             */

            /**
             * Constructs a new PasswordPolicyFacts.
             * @memberof invigilator.v1
             * @classdesc Represents a PasswordPolicyFacts.
             * @constructor
             * @param {invigilator.v1.PasswordPolicyFacts.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PasswordPolicyFacts = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PasswordPolicyFacts minLength.
             * @member {number} minLength
             * @memberof invigilator.v1.PasswordPolicyFacts
             * @instance
             */
            PasswordPolicyFacts.prototype.minLength = 0;

            /**
             * PasswordPolicyFacts maxLength.
             * @member {number} maxLength
             * @memberof invigilator.v1.PasswordPolicyFacts
             * @instance
             */
            PasswordPolicyFacts.prototype.maxLength = 0;

            /**
             * PasswordPolicyFacts minCharacterClasses.
             * @member {number} minCharacterClasses
             * @memberof invigilator.v1.PasswordPolicyFacts
             * @instance
             */
            PasswordPolicyFacts.prototype.minCharacterClasses = 0;

            /**
             * PasswordPolicyFacts maxAgeDays.
             * @member {number} maxAgeDays
             * @memberof invigilator.v1.PasswordPolicyFacts
             * @instance
             */
            PasswordPolicyFacts.prototype.maxAgeDays = 0;

            /**
             * PasswordPolicyFacts complexityRequired.
             * @member {invigilator.v1.Tri} complexityRequired
             * @memberof invigilator.v1.PasswordPolicyFacts
             * @instance
             */
            PasswordPolicyFacts.prototype.complexityRequired = 0;

            /**
             * PasswordPolicyFacts denyListEnforced.
             * @member {invigilator.v1.Tri} denyListEnforced
             * @memberof invigilator.v1.PasswordPolicyFacts
             * @instance
             */
            PasswordPolicyFacts.prototype.denyListEnforced = 0;

            /**
             * PasswordPolicyFacts lockoutThreshold.
             * @member {number} lockoutThreshold
             * @memberof invigilator.v1.PasswordPolicyFacts
             * @instance
             */
            PasswordPolicyFacts.prototype.lockoutThreshold = 0;

            /**
             * PasswordPolicyFacts historyLength.
             * @member {number} historyLength
             * @memberof invigilator.v1.PasswordPolicyFacts
             * @instance
             */
            PasswordPolicyFacts.prototype.historyLength = 0;

            /**
             * PasswordPolicyFacts denyListProblem.
             * @member {string} denyListProblem
             * @memberof invigilator.v1.PasswordPolicyFacts
             * @instance
             */
            PasswordPolicyFacts.prototype.denyListProblem = "";

            /**
             * Creates a new PasswordPolicyFacts instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.PasswordPolicyFacts
             * @static
             * @param {invigilator.v1.PasswordPolicyFacts.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.PasswordPolicyFacts} PasswordPolicyFacts instance
             * @type {{
             *   (properties: invigilator.v1.PasswordPolicyFacts.$Shape): invigilator.v1.PasswordPolicyFacts & invigilator.v1.PasswordPolicyFacts.$Shape;
             *   (properties?: invigilator.v1.PasswordPolicyFacts.$Properties): invigilator.v1.PasswordPolicyFacts;
             * }}
             */
            PasswordPolicyFacts.create = function(properties) {
                return new PasswordPolicyFacts(properties);
            };

            /**
             * Encodes the specified PasswordPolicyFacts message. Does not implicitly {@link invigilator.v1.PasswordPolicyFacts.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.PasswordPolicyFacts
             * @static
             * @param {invigilator.v1.PasswordPolicyFacts.$Properties} message PasswordPolicyFacts message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PasswordPolicyFacts.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.minLength != null && $Object.hasOwnProperty.call(message, "minLength") && message.minLength !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.minLength);
                if (message.maxLength != null && $Object.hasOwnProperty.call(message, "maxLength") && message.maxLength !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.maxLength);
                if (message.minCharacterClasses != null && $Object.hasOwnProperty.call(message, "minCharacterClasses") && message.minCharacterClasses !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.minCharacterClasses);
                if (message.maxAgeDays != null && $Object.hasOwnProperty.call(message, "maxAgeDays") && message.maxAgeDays !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.maxAgeDays);
                if (message.complexityRequired != null && $Object.hasOwnProperty.call(message, "complexityRequired") && message.complexityRequired !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).int32(message.complexityRequired);
                if (message.denyListEnforced != null && $Object.hasOwnProperty.call(message, "denyListEnforced") && message.denyListEnforced !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).int32(message.denyListEnforced);
                if (message.lockoutThreshold != null && $Object.hasOwnProperty.call(message, "lockoutThreshold") && message.lockoutThreshold !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).int32(message.lockoutThreshold);
                if (message.historyLength != null && $Object.hasOwnProperty.call(message, "historyLength") && message.historyLength !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).int32(message.historyLength);
                if (message.denyListProblem != null && $Object.hasOwnProperty.call(message, "denyListProblem") && message.denyListProblem !== "")
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.denyListProblem);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a PasswordPolicyFacts message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.PasswordPolicyFacts
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.PasswordPolicyFacts & invigilator.v1.PasswordPolicyFacts.$Shape} PasswordPolicyFacts
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PasswordPolicyFacts.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.PasswordPolicyFacts();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.minLength = value;
                            else
                                delete message.minLength;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.maxLength = value;
                            else
                                delete message.maxLength;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.minCharacterClasses = value;
                            else
                                delete message.minCharacterClasses;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.maxAgeDays = value;
                            else
                                delete message.maxAgeDays;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.complexityRequired = value;
                            else
                                delete message.complexityRequired;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.denyListEnforced = value;
                            else
                                delete message.denyListEnforced;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.lockoutThreshold = value;
                            else
                                delete message.lockoutThreshold;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.historyLength = value;
                            else
                                delete message.historyLength;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.denyListProblem = value;
                            else
                                delete message.denyListProblem;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a PasswordPolicyFacts message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.PasswordPolicyFacts
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.PasswordPolicyFacts} PasswordPolicyFacts
             */
            PasswordPolicyFacts.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.PasswordPolicyFacts)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.PasswordPolicyFacts: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.PasswordPolicyFacts();
                if (object.minLength != null)
                    if ($Number(object.minLength) !== 0)
                        message.minLength = object.minLength | 0;
                if (object.maxLength != null)
                    if ($Number(object.maxLength) !== 0)
                        message.maxLength = object.maxLength | 0;
                if (object.minCharacterClasses != null)
                    if ($Number(object.minCharacterClasses) !== 0)
                        message.minCharacterClasses = object.minCharacterClasses | 0;
                if (object.maxAgeDays != null)
                    if ($Number(object.maxAgeDays) !== 0)
                        message.maxAgeDays = object.maxAgeDays | 0;
                if (object.complexityRequired !== 0 && (typeof object.complexityRequired !== "string" || $root.invigilator.v1.Tri[object.complexityRequired] !== 0))
                    switch (object.complexityRequired) {
                    case "TRI_UNKNOWN":
                    case 0:
                        message.complexityRequired = 0;
                        break;
                    case "TRI_YES":
                    case 1:
                        message.complexityRequired = 1;
                        break;
                    case "TRI_NO":
                    case 2:
                        message.complexityRequired = 2;
                        break;
                    default:
                        if (typeof object.complexityRequired === "number" && (object.complexityRequired | 0) === object.complexityRequired)
                            message.complexityRequired = object.complexityRequired;
                    }
                if (object.denyListEnforced !== 0 && (typeof object.denyListEnforced !== "string" || $root.invigilator.v1.Tri[object.denyListEnforced] !== 0))
                    switch (object.denyListEnforced) {
                    case "TRI_UNKNOWN":
                    case 0:
                        message.denyListEnforced = 0;
                        break;
                    case "TRI_YES":
                    case 1:
                        message.denyListEnforced = 1;
                        break;
                    case "TRI_NO":
                    case 2:
                        message.denyListEnforced = 2;
                        break;
                    default:
                        if (typeof object.denyListEnforced === "number" && (object.denyListEnforced | 0) === object.denyListEnforced)
                            message.denyListEnforced = object.denyListEnforced;
                    }
                if (object.lockoutThreshold != null)
                    if ($Number(object.lockoutThreshold) !== 0)
                        message.lockoutThreshold = object.lockoutThreshold | 0;
                if (object.historyLength != null)
                    if ($Number(object.historyLength) !== 0)
                        message.historyLength = object.historyLength | 0;
                if (object.denyListProblem != null)
                    if (typeof object.denyListProblem !== "string" || object.denyListProblem.length)
                        message.denyListProblem = $String(object.denyListProblem);
                return message;
            };

            /**
             * Creates a plain object from a PasswordPolicyFacts message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.PasswordPolicyFacts
             * @static
             * @param {invigilator.v1.PasswordPolicyFacts} message PasswordPolicyFacts
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PasswordPolicyFacts.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.minLength = 0;
                    object.maxLength = 0;
                    object.minCharacterClasses = 0;
                    object.maxAgeDays = 0;
                    object.complexityRequired = options.enums === $String ? "TRI_UNKNOWN" : 0;
                    object.denyListEnforced = options.enums === $String ? "TRI_UNKNOWN" : 0;
                    object.lockoutThreshold = 0;
                    object.historyLength = 0;
                    object.denyListProblem = "";
                }
                if (message.minLength != null && $Object.hasOwnProperty.call(message, "minLength"))
                    object.minLength = message.minLength;
                if (message.maxLength != null && $Object.hasOwnProperty.call(message, "maxLength"))
                    object.maxLength = message.maxLength;
                if (message.minCharacterClasses != null && $Object.hasOwnProperty.call(message, "minCharacterClasses"))
                    object.minCharacterClasses = message.minCharacterClasses;
                if (message.maxAgeDays != null && $Object.hasOwnProperty.call(message, "maxAgeDays"))
                    object.maxAgeDays = message.maxAgeDays;
                if (message.complexityRequired != null && $Object.hasOwnProperty.call(message, "complexityRequired"))
                    object.complexityRequired = options.enums === $String ? $root.invigilator.v1.Tri[message.complexityRequired] === $undefined ? message.complexityRequired : $root.invigilator.v1.Tri[message.complexityRequired] : message.complexityRequired;
                if (message.denyListEnforced != null && $Object.hasOwnProperty.call(message, "denyListEnforced"))
                    object.denyListEnforced = options.enums === $String ? $root.invigilator.v1.Tri[message.denyListEnforced] === $undefined ? message.denyListEnforced : $root.invigilator.v1.Tri[message.denyListEnforced] : message.denyListEnforced;
                if (message.lockoutThreshold != null && $Object.hasOwnProperty.call(message, "lockoutThreshold"))
                    object.lockoutThreshold = message.lockoutThreshold;
                if (message.historyLength != null && $Object.hasOwnProperty.call(message, "historyLength"))
                    object.historyLength = message.historyLength;
                if (message.denyListProblem != null && $Object.hasOwnProperty.call(message, "denyListProblem"))
                    object.denyListProblem = message.denyListProblem;
                return object;
            };

            /**
             * Converts this PasswordPolicyFacts to JSON.
             * @function toJSON
             * @memberof invigilator.v1.PasswordPolicyFacts
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PasswordPolicyFacts.prototype.toJSON = function() {
                return PasswordPolicyFacts.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PasswordPolicyFacts
             * @function getTypeUrl
             * @memberof invigilator.v1.PasswordPolicyFacts
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PasswordPolicyFacts.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.PasswordPolicyFacts";
            };

            return PasswordPolicyFacts;
        })();

        v1.RemovableMediaFacts = (function() {

            /**
             * Properties of a RemovableMediaFacts.
             * @typedef {Object} invigilator.v1.RemovableMediaFacts.$Properties
             * @property {Array.<invigilator.v1.RemovableDevice.$Properties>|null} [devices] RemovableMediaFacts devices
             * @property {invigilator.v1.Tri|null} [storageBlocked] RemovableMediaFacts storageBlocked
             * @property {invigilator.v1.Tri|null} [writeBlocked] RemovableMediaFacts writeBlocked
             * @property {string|null} [mechanism] RemovableMediaFacts mechanism
             * @property {string|null} [postureProblem] RemovableMediaFacts postureProblem
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RemovableMediaFacts.
             * @memberof invigilator.v1
             * @interface IRemovableMediaFacts
             * @augments invigilator.v1.RemovableMediaFacts.$Properties
             * @deprecated Use invigilator.v1.RemovableMediaFacts.$Properties instead.
             */

            /**
             * Shape of a RemovableMediaFacts.
             * @typedef {invigilator.v1.RemovableMediaFacts.$Properties} invigilator.v1.RemovableMediaFacts.$Shape
             */

            /**
             * Constructs a new RemovableMediaFacts.
             * @memberof invigilator.v1
             * @classdesc Represents a RemovableMediaFacts.
             * @constructor
             * @param {invigilator.v1.RemovableMediaFacts.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RemovableMediaFacts = function (properties) {
                this.devices = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RemovableMediaFacts devices.
             * @member {Array.<invigilator.v1.RemovableDevice.$Properties>} devices
             * @memberof invigilator.v1.RemovableMediaFacts
             * @instance
             */
            RemovableMediaFacts.prototype.devices = $util.emptyArray;

            /**
             * RemovableMediaFacts storageBlocked.
             * @member {invigilator.v1.Tri} storageBlocked
             * @memberof invigilator.v1.RemovableMediaFacts
             * @instance
             */
            RemovableMediaFacts.prototype.storageBlocked = 0;

            /**
             * RemovableMediaFacts writeBlocked.
             * @member {invigilator.v1.Tri} writeBlocked
             * @memberof invigilator.v1.RemovableMediaFacts
             * @instance
             */
            RemovableMediaFacts.prototype.writeBlocked = 0;

            /**
             * RemovableMediaFacts mechanism.
             * @member {string} mechanism
             * @memberof invigilator.v1.RemovableMediaFacts
             * @instance
             */
            RemovableMediaFacts.prototype.mechanism = "";

            /**
             * RemovableMediaFacts postureProblem.
             * @member {string} postureProblem
             * @memberof invigilator.v1.RemovableMediaFacts
             * @instance
             */
            RemovableMediaFacts.prototype.postureProblem = "";

            /**
             * Creates a new RemovableMediaFacts instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.RemovableMediaFacts
             * @static
             * @param {invigilator.v1.RemovableMediaFacts.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.RemovableMediaFacts} RemovableMediaFacts instance
             * @type {{
             *   (properties: invigilator.v1.RemovableMediaFacts.$Shape): invigilator.v1.RemovableMediaFacts & invigilator.v1.RemovableMediaFacts.$Shape;
             *   (properties?: invigilator.v1.RemovableMediaFacts.$Properties): invigilator.v1.RemovableMediaFacts;
             * }}
             */
            RemovableMediaFacts.create = function(properties) {
                return new RemovableMediaFacts(properties);
            };

            /**
             * Encodes the specified RemovableMediaFacts message. Does not implicitly {@link invigilator.v1.RemovableMediaFacts.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.RemovableMediaFacts
             * @static
             * @param {invigilator.v1.RemovableMediaFacts.$Properties} message RemovableMediaFacts message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RemovableMediaFacts.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.devices != null && message.devices.length)
                    for (let i = 0; i < message.devices.length; ++i)
                        $root.invigilator.v1.RemovableDevice.encode(message.devices[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.storageBlocked != null && $Object.hasOwnProperty.call(message, "storageBlocked") && message.storageBlocked !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.storageBlocked);
                if (message.writeBlocked != null && $Object.hasOwnProperty.call(message, "writeBlocked") && message.writeBlocked !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.writeBlocked);
                if (message.mechanism != null && $Object.hasOwnProperty.call(message, "mechanism") && message.mechanism !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.mechanism);
                if (message.postureProblem != null && $Object.hasOwnProperty.call(message, "postureProblem") && message.postureProblem !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.postureProblem);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RemovableMediaFacts message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.RemovableMediaFacts
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.RemovableMediaFacts & invigilator.v1.RemovableMediaFacts.$Shape} RemovableMediaFacts
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RemovableMediaFacts.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.RemovableMediaFacts();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.devices && message.devices.length))
                                message.devices = [];
                            message.devices.push($root.invigilator.v1.RemovableDevice.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.storageBlocked = value;
                            else
                                delete message.storageBlocked;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.writeBlocked = value;
                            else
                                delete message.writeBlocked;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.mechanism = value;
                            else
                                delete message.mechanism;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.postureProblem = value;
                            else
                                delete message.postureProblem;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a RemovableMediaFacts message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.RemovableMediaFacts
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.RemovableMediaFacts} RemovableMediaFacts
             */
            RemovableMediaFacts.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.RemovableMediaFacts)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.RemovableMediaFacts: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.RemovableMediaFacts();
                if (object.devices) {
                    if (!$Array.isArray(object.devices))
                        throw $TypeError(".invigilator.v1.RemovableMediaFacts.devices: array expected");
                    message.devices = $Array(object.devices.length);
                    for (let i = 0; i < object.devices.length; ++i) {
                        if (!$util.isObject(object.devices[i]))
                            throw $TypeError(".invigilator.v1.RemovableMediaFacts.devices: object expected");
                        message.devices[i] = $root.invigilator.v1.RemovableDevice.fromObject(object.devices[i], _depth + 1);
                    }
                }
                if (object.storageBlocked !== 0 && (typeof object.storageBlocked !== "string" || $root.invigilator.v1.Tri[object.storageBlocked] !== 0))
                    switch (object.storageBlocked) {
                    case "TRI_UNKNOWN":
                    case 0:
                        message.storageBlocked = 0;
                        break;
                    case "TRI_YES":
                    case 1:
                        message.storageBlocked = 1;
                        break;
                    case "TRI_NO":
                    case 2:
                        message.storageBlocked = 2;
                        break;
                    default:
                        if (typeof object.storageBlocked === "number" && (object.storageBlocked | 0) === object.storageBlocked)
                            message.storageBlocked = object.storageBlocked;
                    }
                if (object.writeBlocked !== 0 && (typeof object.writeBlocked !== "string" || $root.invigilator.v1.Tri[object.writeBlocked] !== 0))
                    switch (object.writeBlocked) {
                    case "TRI_UNKNOWN":
                    case 0:
                        message.writeBlocked = 0;
                        break;
                    case "TRI_YES":
                    case 1:
                        message.writeBlocked = 1;
                        break;
                    case "TRI_NO":
                    case 2:
                        message.writeBlocked = 2;
                        break;
                    default:
                        if (typeof object.writeBlocked === "number" && (object.writeBlocked | 0) === object.writeBlocked)
                            message.writeBlocked = object.writeBlocked;
                    }
                if (object.mechanism != null)
                    if (typeof object.mechanism !== "string" || object.mechanism.length)
                        message.mechanism = $String(object.mechanism);
                if (object.postureProblem != null)
                    if (typeof object.postureProblem !== "string" || object.postureProblem.length)
                        message.postureProblem = $String(object.postureProblem);
                return message;
            };

            /**
             * Creates a plain object from a RemovableMediaFacts message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.RemovableMediaFacts
             * @static
             * @param {invigilator.v1.RemovableMediaFacts} message RemovableMediaFacts
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RemovableMediaFacts.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.devices = [];
                if (options.defaults) {
                    object.storageBlocked = options.enums === $String ? "TRI_UNKNOWN" : 0;
                    object.writeBlocked = options.enums === $String ? "TRI_UNKNOWN" : 0;
                    object.mechanism = "";
                    object.postureProblem = "";
                }
                if (message.devices && message.devices.length) {
                    object.devices = $Array(message.devices.length);
                    for (let j = 0; j < message.devices.length; ++j)
                        object.devices[j] = $root.invigilator.v1.RemovableDevice.toObject(message.devices[j], options, _depth + 1);
                }
                if (message.storageBlocked != null && $Object.hasOwnProperty.call(message, "storageBlocked"))
                    object.storageBlocked = options.enums === $String ? $root.invigilator.v1.Tri[message.storageBlocked] === $undefined ? message.storageBlocked : $root.invigilator.v1.Tri[message.storageBlocked] : message.storageBlocked;
                if (message.writeBlocked != null && $Object.hasOwnProperty.call(message, "writeBlocked"))
                    object.writeBlocked = options.enums === $String ? $root.invigilator.v1.Tri[message.writeBlocked] === $undefined ? message.writeBlocked : $root.invigilator.v1.Tri[message.writeBlocked] : message.writeBlocked;
                if (message.mechanism != null && $Object.hasOwnProperty.call(message, "mechanism"))
                    object.mechanism = message.mechanism;
                if (message.postureProblem != null && $Object.hasOwnProperty.call(message, "postureProblem"))
                    object.postureProblem = message.postureProblem;
                return object;
            };

            /**
             * Converts this RemovableMediaFacts to JSON.
             * @function toJSON
             * @memberof invigilator.v1.RemovableMediaFacts
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RemovableMediaFacts.prototype.toJSON = function() {
                return RemovableMediaFacts.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RemovableMediaFacts
             * @function getTypeUrl
             * @memberof invigilator.v1.RemovableMediaFacts
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RemovableMediaFacts.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.RemovableMediaFacts";
            };

            return RemovableMediaFacts;
        })();

        v1.ScreenLockFacts = (function() {

            /**
             * Properties of a ScreenLockFacts.
             * @typedef {Object} invigilator.v1.ScreenLockFacts.$Properties
             * @property {number|null} [idleLockSeconds] ScreenLockFacts idleLockSeconds
             * @property {invigilator.v1.Tri|null} [passwordOnWake] ScreenLockFacts passwordOnWake
             * @property {invigilator.v1.Tri|null} [enforced] ScreenLockFacts enforced
             * @property {string|null} [settingSource] ScreenLockFacts settingSource
             * @property {string|null} [problem] ScreenLockFacts problem
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ScreenLockFacts.
             * @memberof invigilator.v1
             * @interface IScreenLockFacts
             * @augments invigilator.v1.ScreenLockFacts.$Properties
             * @deprecated Use invigilator.v1.ScreenLockFacts.$Properties instead.
             */

            /**
             * Shape of a ScreenLockFacts.
             * @typedef {invigilator.v1.ScreenLockFacts.$Properties} invigilator.v1.ScreenLockFacts.$Shape
             */

            /**
             * Constructs a new ScreenLockFacts.
             * @memberof invigilator.v1
             * @classdesc Represents a ScreenLockFacts.
             * @constructor
             * @param {invigilator.v1.ScreenLockFacts.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ScreenLockFacts = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ScreenLockFacts idleLockSeconds.
             * @member {number} idleLockSeconds
             * @memberof invigilator.v1.ScreenLockFacts
             * @instance
             */
            ScreenLockFacts.prototype.idleLockSeconds = 0;

            /**
             * ScreenLockFacts passwordOnWake.
             * @member {invigilator.v1.Tri} passwordOnWake
             * @memberof invigilator.v1.ScreenLockFacts
             * @instance
             */
            ScreenLockFacts.prototype.passwordOnWake = 0;

            /**
             * ScreenLockFacts enforced.
             * @member {invigilator.v1.Tri} enforced
             * @memberof invigilator.v1.ScreenLockFacts
             * @instance
             */
            ScreenLockFacts.prototype.enforced = 0;

            /**
             * ScreenLockFacts settingSource.
             * @member {string} settingSource
             * @memberof invigilator.v1.ScreenLockFacts
             * @instance
             */
            ScreenLockFacts.prototype.settingSource = "";

            /**
             * ScreenLockFacts problem.
             * @member {string} problem
             * @memberof invigilator.v1.ScreenLockFacts
             * @instance
             */
            ScreenLockFacts.prototype.problem = "";

            /**
             * Creates a new ScreenLockFacts instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.ScreenLockFacts
             * @static
             * @param {invigilator.v1.ScreenLockFacts.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.ScreenLockFacts} ScreenLockFacts instance
             * @type {{
             *   (properties: invigilator.v1.ScreenLockFacts.$Shape): invigilator.v1.ScreenLockFacts & invigilator.v1.ScreenLockFacts.$Shape;
             *   (properties?: invigilator.v1.ScreenLockFacts.$Properties): invigilator.v1.ScreenLockFacts;
             * }}
             */
            ScreenLockFacts.create = function(properties) {
                return new ScreenLockFacts(properties);
            };

            /**
             * Encodes the specified ScreenLockFacts message. Does not implicitly {@link invigilator.v1.ScreenLockFacts.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.ScreenLockFacts
             * @static
             * @param {invigilator.v1.ScreenLockFacts.$Properties} message ScreenLockFacts message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ScreenLockFacts.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.idleLockSeconds != null && $Object.hasOwnProperty.call(message, "idleLockSeconds") && message.idleLockSeconds !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.idleLockSeconds);
                if (message.passwordOnWake != null && $Object.hasOwnProperty.call(message, "passwordOnWake") && message.passwordOnWake !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.passwordOnWake);
                if (message.enforced != null && $Object.hasOwnProperty.call(message, "enforced") && message.enforced !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.enforced);
                if (message.settingSource != null && $Object.hasOwnProperty.call(message, "settingSource") && message.settingSource !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.settingSource);
                if (message.problem != null && $Object.hasOwnProperty.call(message, "problem") && message.problem !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.problem);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ScreenLockFacts message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.ScreenLockFacts
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.ScreenLockFacts & invigilator.v1.ScreenLockFacts.$Shape} ScreenLockFacts
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ScreenLockFacts.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.ScreenLockFacts();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.idleLockSeconds = value;
                            else
                                delete message.idleLockSeconds;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.passwordOnWake = value;
                            else
                                delete message.passwordOnWake;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.enforced = value;
                            else
                                delete message.enforced;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.settingSource = value;
                            else
                                delete message.settingSource;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.problem = value;
                            else
                                delete message.problem;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a ScreenLockFacts message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.ScreenLockFacts
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.ScreenLockFacts} ScreenLockFacts
             */
            ScreenLockFacts.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.ScreenLockFacts)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.ScreenLockFacts: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.ScreenLockFacts();
                if (object.idleLockSeconds != null)
                    if ($Number(object.idleLockSeconds) !== 0)
                        message.idleLockSeconds = object.idleLockSeconds | 0;
                if (object.passwordOnWake !== 0 && (typeof object.passwordOnWake !== "string" || $root.invigilator.v1.Tri[object.passwordOnWake] !== 0))
                    switch (object.passwordOnWake) {
                    case "TRI_UNKNOWN":
                    case 0:
                        message.passwordOnWake = 0;
                        break;
                    case "TRI_YES":
                    case 1:
                        message.passwordOnWake = 1;
                        break;
                    case "TRI_NO":
                    case 2:
                        message.passwordOnWake = 2;
                        break;
                    default:
                        if (typeof object.passwordOnWake === "number" && (object.passwordOnWake | 0) === object.passwordOnWake)
                            message.passwordOnWake = object.passwordOnWake;
                    }
                if (object.enforced !== 0 && (typeof object.enforced !== "string" || $root.invigilator.v1.Tri[object.enforced] !== 0))
                    switch (object.enforced) {
                    case "TRI_UNKNOWN":
                    case 0:
                        message.enforced = 0;
                        break;
                    case "TRI_YES":
                    case 1:
                        message.enforced = 1;
                        break;
                    case "TRI_NO":
                    case 2:
                        message.enforced = 2;
                        break;
                    default:
                        if (typeof object.enforced === "number" && (object.enforced | 0) === object.enforced)
                            message.enforced = object.enforced;
                    }
                if (object.settingSource != null)
                    if (typeof object.settingSource !== "string" || object.settingSource.length)
                        message.settingSource = $String(object.settingSource);
                if (object.problem != null)
                    if (typeof object.problem !== "string" || object.problem.length)
                        message.problem = $String(object.problem);
                return message;
            };

            /**
             * Creates a plain object from a ScreenLockFacts message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.ScreenLockFacts
             * @static
             * @param {invigilator.v1.ScreenLockFacts} message ScreenLockFacts
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ScreenLockFacts.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.idleLockSeconds = 0;
                    object.passwordOnWake = options.enums === $String ? "TRI_UNKNOWN" : 0;
                    object.enforced = options.enums === $String ? "TRI_UNKNOWN" : 0;
                    object.settingSource = "";
                    object.problem = "";
                }
                if (message.idleLockSeconds != null && $Object.hasOwnProperty.call(message, "idleLockSeconds"))
                    object.idleLockSeconds = message.idleLockSeconds;
                if (message.passwordOnWake != null && $Object.hasOwnProperty.call(message, "passwordOnWake"))
                    object.passwordOnWake = options.enums === $String ? $root.invigilator.v1.Tri[message.passwordOnWake] === $undefined ? message.passwordOnWake : $root.invigilator.v1.Tri[message.passwordOnWake] : message.passwordOnWake;
                if (message.enforced != null && $Object.hasOwnProperty.call(message, "enforced"))
                    object.enforced = options.enums === $String ? $root.invigilator.v1.Tri[message.enforced] === $undefined ? message.enforced : $root.invigilator.v1.Tri[message.enforced] : message.enforced;
                if (message.settingSource != null && $Object.hasOwnProperty.call(message, "settingSource"))
                    object.settingSource = message.settingSource;
                if (message.problem != null && $Object.hasOwnProperty.call(message, "problem"))
                    object.problem = message.problem;
                return object;
            };

            /**
             * Converts this ScreenLockFacts to JSON.
             * @function toJSON
             * @memberof invigilator.v1.ScreenLockFacts
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ScreenLockFacts.prototype.toJSON = function() {
                return ScreenLockFacts.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ScreenLockFacts
             * @function getTypeUrl
             * @memberof invigilator.v1.ScreenLockFacts
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ScreenLockFacts.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.ScreenLockFacts";
            };

            return ScreenLockFacts;
        })();

        v1.RemovableDevice = (function() {

            /**
             * Properties of a RemovableDevice.
             * @typedef {Object} invigilator.v1.RemovableDevice.$Properties
             * @property {string|null} [vendor] RemovableDevice vendor
             * @property {string|null} [model] RemovableDevice model
             * @property {string|null} [serial] RemovableDevice serial
             * @property {number|null} [sizeBytes] RemovableDevice sizeBytes
             * @property {string|null} [filesystem] RemovableDevice filesystem
             * @property {string|null} [label] RemovableDevice label
             * @property {string|null} [mountPoint] RemovableDevice mountPoint
             * @property {string|null} [bus] RemovableDevice bus
             * @property {invigilator.v1.Tri|null} [encrypted] RemovableDevice encrypted
             * @property {string|null} [device] RemovableDevice device
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RemovableDevice.
             * @memberof invigilator.v1
             * @interface IRemovableDevice
             * @augments invigilator.v1.RemovableDevice.$Properties
             * @deprecated Use invigilator.v1.RemovableDevice.$Properties instead.
             */

            /**
             * Shape of a RemovableDevice.
             * @typedef {invigilator.v1.RemovableDevice.$Properties} invigilator.v1.RemovableDevice.$Shape
             */

            /**
             * Constructs a new RemovableDevice.
             * @memberof invigilator.v1
             * @classdesc Represents a RemovableDevice.
             * @constructor
             * @param {invigilator.v1.RemovableDevice.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RemovableDevice = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RemovableDevice vendor.
             * @member {string} vendor
             * @memberof invigilator.v1.RemovableDevice
             * @instance
             */
            RemovableDevice.prototype.vendor = "";

            /**
             * RemovableDevice model.
             * @member {string} model
             * @memberof invigilator.v1.RemovableDevice
             * @instance
             */
            RemovableDevice.prototype.model = "";

            /**
             * RemovableDevice serial.
             * @member {string} serial
             * @memberof invigilator.v1.RemovableDevice
             * @instance
             */
            RemovableDevice.prototype.serial = "";

            /**
             * RemovableDevice sizeBytes.
             * @member {number} sizeBytes
             * @memberof invigilator.v1.RemovableDevice
             * @instance
             */
            RemovableDevice.prototype.sizeBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RemovableDevice filesystem.
             * @member {string} filesystem
             * @memberof invigilator.v1.RemovableDevice
             * @instance
             */
            RemovableDevice.prototype.filesystem = "";

            /**
             * RemovableDevice label.
             * @member {string} label
             * @memberof invigilator.v1.RemovableDevice
             * @instance
             */
            RemovableDevice.prototype.label = "";

            /**
             * RemovableDevice mountPoint.
             * @member {string} mountPoint
             * @memberof invigilator.v1.RemovableDevice
             * @instance
             */
            RemovableDevice.prototype.mountPoint = "";

            /**
             * RemovableDevice bus.
             * @member {string} bus
             * @memberof invigilator.v1.RemovableDevice
             * @instance
             */
            RemovableDevice.prototype.bus = "";

            /**
             * RemovableDevice encrypted.
             * @member {invigilator.v1.Tri} encrypted
             * @memberof invigilator.v1.RemovableDevice
             * @instance
             */
            RemovableDevice.prototype.encrypted = 0;

            /**
             * RemovableDevice device.
             * @member {string} device
             * @memberof invigilator.v1.RemovableDevice
             * @instance
             */
            RemovableDevice.prototype.device = "";

            /**
             * Creates a new RemovableDevice instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.RemovableDevice
             * @static
             * @param {invigilator.v1.RemovableDevice.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.RemovableDevice} RemovableDevice instance
             * @type {{
             *   (properties: invigilator.v1.RemovableDevice.$Shape): invigilator.v1.RemovableDevice & invigilator.v1.RemovableDevice.$Shape;
             *   (properties?: invigilator.v1.RemovableDevice.$Properties): invigilator.v1.RemovableDevice;
             * }}
             */
            RemovableDevice.create = function(properties) {
                return new RemovableDevice(properties);
            };

            /**
             * Encodes the specified RemovableDevice message. Does not implicitly {@link invigilator.v1.RemovableDevice.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.RemovableDevice
             * @static
             * @param {invigilator.v1.RemovableDevice.$Properties} message RemovableDevice message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RemovableDevice.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.vendor != null && $Object.hasOwnProperty.call(message, "vendor") && message.vendor !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.vendor);
                if (message.model != null && $Object.hasOwnProperty.call(message, "model") && message.model !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.model);
                if (message.serial != null && $Object.hasOwnProperty.call(message, "serial") && message.serial !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.serial);
                if (message.sizeBytes != null && $Object.hasOwnProperty.call(message, "sizeBytes") && (typeof message.sizeBytes === "object" ? message.sizeBytes.low || message.sizeBytes.high : message.sizeBytes !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.sizeBytes);
                if (message.filesystem != null && $Object.hasOwnProperty.call(message, "filesystem") && message.filesystem !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.filesystem);
                if (message.label != null && $Object.hasOwnProperty.call(message, "label") && message.label !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.label);
                if (message.mountPoint != null && $Object.hasOwnProperty.call(message, "mountPoint") && message.mountPoint !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.mountPoint);
                if (message.bus != null && $Object.hasOwnProperty.call(message, "bus") && message.bus !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.bus);
                if (message.encrypted != null && $Object.hasOwnProperty.call(message, "encrypted") && message.encrypted !== 0)
                    writer.uint32(/* id 9, wireType 0 =*/72).int32(message.encrypted);
                if (message.device != null && $Object.hasOwnProperty.call(message, "device") && message.device !== "")
                    writer.uint32(/* id 10, wireType 2 =*/82).string(message.device);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a RemovableDevice message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.RemovableDevice
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.RemovableDevice & invigilator.v1.RemovableDevice.$Shape} RemovableDevice
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RemovableDevice.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.RemovableDevice();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.vendor = value;
                            else
                                delete message.vendor;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.model = value;
                            else
                                delete message.model;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.serial = value;
                            else
                                delete message.serial;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.sizeBytes = value;
                            else
                                delete message.sizeBytes;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.filesystem = value;
                            else
                                delete message.filesystem;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.label = value;
                            else
                                delete message.label;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.mountPoint = value;
                            else
                                delete message.mountPoint;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.bus = value;
                            else
                                delete message.bus;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.encrypted = value;
                            else
                                delete message.encrypted;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.device = value;
                            else
                                delete message.device;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a RemovableDevice message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.RemovableDevice
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.RemovableDevice} RemovableDevice
             */
            RemovableDevice.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.RemovableDevice)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.RemovableDevice: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.RemovableDevice();
                if (object.vendor != null)
                    if (typeof object.vendor !== "string" || object.vendor.length)
                        message.vendor = $String(object.vendor);
                if (object.model != null)
                    if (typeof object.model !== "string" || object.model.length)
                        message.model = $String(object.model);
                if (object.serial != null)
                    if (typeof object.serial !== "string" || object.serial.length)
                        message.serial = $String(object.serial);
                if (object.sizeBytes != null)
                    if (typeof object.sizeBytes === "object" ? object.sizeBytes.low || object.sizeBytes.high : $Number(object.sizeBytes) !== 0)
                        if ($util.Long)
                            message.sizeBytes = $util.Long.fromValue(object.sizeBytes, true);
                        else if (typeof object.sizeBytes === "string")
                            message.sizeBytes = $parseInt(object.sizeBytes, 10);
                        else if (typeof object.sizeBytes === "number")
                            message.sizeBytes = object.sizeBytes;
                        else if (typeof object.sizeBytes === "object")
                            message.sizeBytes = new $util.LongBits(object.sizeBytes.low >>> 0, object.sizeBytes.high >>> 0).toNumber(true);
                if (object.filesystem != null)
                    if (typeof object.filesystem !== "string" || object.filesystem.length)
                        message.filesystem = $String(object.filesystem);
                if (object.label != null)
                    if (typeof object.label !== "string" || object.label.length)
                        message.label = $String(object.label);
                if (object.mountPoint != null)
                    if (typeof object.mountPoint !== "string" || object.mountPoint.length)
                        message.mountPoint = $String(object.mountPoint);
                if (object.bus != null)
                    if (typeof object.bus !== "string" || object.bus.length)
                        message.bus = $String(object.bus);
                if (object.encrypted !== 0 && (typeof object.encrypted !== "string" || $root.invigilator.v1.Tri[object.encrypted] !== 0))
                    switch (object.encrypted) {
                    case "TRI_UNKNOWN":
                    case 0:
                        message.encrypted = 0;
                        break;
                    case "TRI_YES":
                    case 1:
                        message.encrypted = 1;
                        break;
                    case "TRI_NO":
                    case 2:
                        message.encrypted = 2;
                        break;
                    default:
                        if (typeof object.encrypted === "number" && (object.encrypted | 0) === object.encrypted)
                            message.encrypted = object.encrypted;
                    }
                if (object.device != null)
                    if (typeof object.device !== "string" || object.device.length)
                        message.device = $String(object.device);
                return message;
            };

            /**
             * Creates a plain object from a RemovableDevice message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.RemovableDevice
             * @static
             * @param {invigilator.v1.RemovableDevice} message RemovableDevice
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RemovableDevice.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.vendor = "";
                    object.model = "";
                    object.serial = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.sizeBytes = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sizeBytes = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.filesystem = "";
                    object.label = "";
                    object.mountPoint = "";
                    object.bus = "";
                    object.encrypted = options.enums === $String ? "TRI_UNKNOWN" : 0;
                    object.device = "";
                }
                if (message.vendor != null && $Object.hasOwnProperty.call(message, "vendor"))
                    object.vendor = message.vendor;
                if (message.model != null && $Object.hasOwnProperty.call(message, "model"))
                    object.model = message.model;
                if (message.serial != null && $Object.hasOwnProperty.call(message, "serial"))
                    object.serial = message.serial;
                if (message.sizeBytes != null && $Object.hasOwnProperty.call(message, "sizeBytes"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sizeBytes = typeof message.sizeBytes === "number" ? $BigInt(message.sizeBytes) : $util.Long.fromBits(message.sizeBytes.low >>> 0, message.sizeBytes.high >>> 0, true).toBigInt();
                    else if (typeof message.sizeBytes === "number")
                        object.sizeBytes = options.longs === $String ? $String(message.sizeBytes) : message.sizeBytes;
                    else
                        object.sizeBytes = options.longs === $String ? $util.Long.prototype.toString.call(message.sizeBytes) : options.longs === $Number ? new $util.LongBits(message.sizeBytes.low >>> 0, message.sizeBytes.high >>> 0).toNumber(true) : message.sizeBytes;
                if (message.filesystem != null && $Object.hasOwnProperty.call(message, "filesystem"))
                    object.filesystem = message.filesystem;
                if (message.label != null && $Object.hasOwnProperty.call(message, "label"))
                    object.label = message.label;
                if (message.mountPoint != null && $Object.hasOwnProperty.call(message, "mountPoint"))
                    object.mountPoint = message.mountPoint;
                if (message.bus != null && $Object.hasOwnProperty.call(message, "bus"))
                    object.bus = message.bus;
                if (message.encrypted != null && $Object.hasOwnProperty.call(message, "encrypted"))
                    object.encrypted = options.enums === $String ? $root.invigilator.v1.Tri[message.encrypted] === $undefined ? message.encrypted : $root.invigilator.v1.Tri[message.encrypted] : message.encrypted;
                if (message.device != null && $Object.hasOwnProperty.call(message, "device"))
                    object.device = message.device;
                return object;
            };

            /**
             * Converts this RemovableDevice to JSON.
             * @function toJSON
             * @memberof invigilator.v1.RemovableDevice
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RemovableDevice.prototype.toJSON = function() {
                return RemovableDevice.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RemovableDevice
             * @function getTypeUrl
             * @memberof invigilator.v1.RemovableDevice
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RemovableDevice.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.RemovableDevice";
            };

            return RemovableDevice;
        })();

        v1.MisuseEvent = (function() {

            /**
             * Properties of a MisuseEvent.
             * @typedef {Object} invigilator.v1.MisuseEvent.$Properties
             * @property {invigilator.v1.MisuseKind|null} [kind] MisuseEvent kind
             * @property {invigilator.v1.RemovableDevice.$Properties|null} [device] MisuseEvent device
             * @property {string|null} [user] MisuseEvent user
             * @property {invigilator.v1.FileWrite.$Properties|null} [file] MisuseEvent file
             * @property {string|null} [detail] MisuseEvent detail
             * @property {string|null} [subject] MisuseEvent subject
             * @property {string|null} [changedBy] MisuseEvent changedBy
             * @property {invigilator.v1.Tri|null} [changedByAdministrator] MisuseEvent changedByAdministrator
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a MisuseEvent.
             * @memberof invigilator.v1
             * @interface IMisuseEvent
             * @augments invigilator.v1.MisuseEvent.$Properties
             * @deprecated Use invigilator.v1.MisuseEvent.$Properties instead.
             */

            /**
             * Shape of a MisuseEvent.
             * @typedef {invigilator.v1.MisuseEvent.$Properties} invigilator.v1.MisuseEvent.$Shape
             */

            /**
             * Constructs a new MisuseEvent.
             * @memberof invigilator.v1
             * @classdesc Represents a MisuseEvent.
             * @constructor
             * @param {invigilator.v1.MisuseEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const MisuseEvent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * MisuseEvent kind.
             * @member {invigilator.v1.MisuseKind} kind
             * @memberof invigilator.v1.MisuseEvent
             * @instance
             */
            MisuseEvent.prototype.kind = 0;

            /**
             * MisuseEvent device.
             * @member {invigilator.v1.RemovableDevice.$Properties|null|undefined} device
             * @memberof invigilator.v1.MisuseEvent
             * @instance
             */
            MisuseEvent.prototype.device = null;

            /**
             * MisuseEvent user.
             * @member {string} user
             * @memberof invigilator.v1.MisuseEvent
             * @instance
             */
            MisuseEvent.prototype.user = "";

            /**
             * MisuseEvent file.
             * @member {invigilator.v1.FileWrite.$Properties|null|undefined} file
             * @memberof invigilator.v1.MisuseEvent
             * @instance
             */
            MisuseEvent.prototype.file = null;

            /**
             * MisuseEvent detail.
             * @member {string} detail
             * @memberof invigilator.v1.MisuseEvent
             * @instance
             */
            MisuseEvent.prototype.detail = "";

            /**
             * MisuseEvent subject.
             * @member {string} subject
             * @memberof invigilator.v1.MisuseEvent
             * @instance
             */
            MisuseEvent.prototype.subject = "";

            /**
             * MisuseEvent changedBy.
             * @member {string} changedBy
             * @memberof invigilator.v1.MisuseEvent
             * @instance
             */
            MisuseEvent.prototype.changedBy = "";

            /**
             * MisuseEvent changedByAdministrator.
             * @member {invigilator.v1.Tri} changedByAdministrator
             * @memberof invigilator.v1.MisuseEvent
             * @instance
             */
            MisuseEvent.prototype.changedByAdministrator = 0;

            /**
             * Creates a new MisuseEvent instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.MisuseEvent
             * @static
             * @param {invigilator.v1.MisuseEvent.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.MisuseEvent} MisuseEvent instance
             * @type {{
             *   (properties: invigilator.v1.MisuseEvent.$Shape): invigilator.v1.MisuseEvent & invigilator.v1.MisuseEvent.$Shape;
             *   (properties?: invigilator.v1.MisuseEvent.$Properties): invigilator.v1.MisuseEvent;
             * }}
             */
            MisuseEvent.create = function(properties) {
                return new MisuseEvent(properties);
            };

            /**
             * Encodes the specified MisuseEvent message. Does not implicitly {@link invigilator.v1.MisuseEvent.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.MisuseEvent
             * @static
             * @param {invigilator.v1.MisuseEvent.$Properties} message MisuseEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            MisuseEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.kind);
                if (message.device != null && $Object.hasOwnProperty.call(message, "device"))
                    $root.invigilator.v1.RemovableDevice.encode(message.device, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.user != null && $Object.hasOwnProperty.call(message, "user") && message.user !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.user);
                if (message.file != null && $Object.hasOwnProperty.call(message, "file"))
                    $root.invigilator.v1.FileWrite.encode(message.file, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.detail != null && $Object.hasOwnProperty.call(message, "detail") && message.detail !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.detail);
                if (message.subject != null && $Object.hasOwnProperty.call(message, "subject") && message.subject !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.subject);
                if (message.changedBy != null && $Object.hasOwnProperty.call(message, "changedBy") && message.changedBy !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.changedBy);
                if (message.changedByAdministrator != null && $Object.hasOwnProperty.call(message, "changedByAdministrator") && message.changedByAdministrator !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).int32(message.changedByAdministrator);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a MisuseEvent message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.MisuseEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.MisuseEvent & invigilator.v1.MisuseEvent.$Shape} MisuseEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            MisuseEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.MisuseEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.kind = value;
                            else
                                delete message.kind;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.device = $root.invigilator.v1.RemovableDevice.decode(reader, reader.size(), $undefined, _depth + 1, message.device);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.user = value;
                            else
                                delete message.user;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.file = $root.invigilator.v1.FileWrite.decode(reader, reader.size(), $undefined, _depth + 1, message.file);
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.detail = value;
                            else
                                delete message.detail;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.subject = value;
                            else
                                delete message.subject;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.changedBy = value;
                            else
                                delete message.changedBy;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.changedByAdministrator = value;
                            else
                                delete message.changedByAdministrator;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a MisuseEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.MisuseEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.MisuseEvent} MisuseEvent
             */
            MisuseEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.MisuseEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.MisuseEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.MisuseEvent();
                if (object.kind !== 0 && (typeof object.kind !== "string" || $root.invigilator.v1.MisuseKind[object.kind] !== 0))
                    switch (object.kind) {
                    case "MISUSE_KIND_UNSPECIFIED":
                    case 0:
                        message.kind = 0;
                        break;
                    case "MEDIA_ATTACHED":
                    case 1:
                        message.kind = 1;
                        break;
                    case "MEDIA_DETACHED":
                    case 2:
                        message.kind = 2;
                        break;
                    case "FILE_WRITTEN":
                    case 3:
                        message.kind = 3;
                        break;
                    case "SAFEGUARD_DISABLED":
                    case 4:
                        message.kind = 4;
                        break;
                    case "BYPASS_TOOL":
                    case 5:
                        message.kind = 5;
                        break;
                    case "EXECUTABLE_DOWNLOADED":
                    case 6:
                        message.kind = 6;
                        break;
                    case "PUBLIC_WIFI":
                    case 7:
                        message.kind = 7;
                        break;
                    case "PROXY_SET":
                    case 8:
                        message.kind = 8;
                        break;
                    case "DNS_OVER_HTTPS_SET":
                    case 9:
                        message.kind = 9;
                        break;
                    default:
                        if (typeof object.kind === "number" && (object.kind | 0) === object.kind)
                            message.kind = object.kind;
                    }
                if (object.device != null) {
                    if (!$util.isObject(object.device))
                        throw $TypeError(".invigilator.v1.MisuseEvent.device: object expected");
                    message.device = $root.invigilator.v1.RemovableDevice.fromObject(object.device, _depth + 1);
                }
                if (object.user != null)
                    if (typeof object.user !== "string" || object.user.length)
                        message.user = $String(object.user);
                if (object.file != null) {
                    if (!$util.isObject(object.file))
                        throw $TypeError(".invigilator.v1.MisuseEvent.file: object expected");
                    message.file = $root.invigilator.v1.FileWrite.fromObject(object.file, _depth + 1);
                }
                if (object.detail != null)
                    if (typeof object.detail !== "string" || object.detail.length)
                        message.detail = $String(object.detail);
                if (object.subject != null)
                    if (typeof object.subject !== "string" || object.subject.length)
                        message.subject = $String(object.subject);
                if (object.changedBy != null)
                    if (typeof object.changedBy !== "string" || object.changedBy.length)
                        message.changedBy = $String(object.changedBy);
                if (object.changedByAdministrator !== 0 && (typeof object.changedByAdministrator !== "string" || $root.invigilator.v1.Tri[object.changedByAdministrator] !== 0))
                    switch (object.changedByAdministrator) {
                    case "TRI_UNKNOWN":
                    case 0:
                        message.changedByAdministrator = 0;
                        break;
                    case "TRI_YES":
                    case 1:
                        message.changedByAdministrator = 1;
                        break;
                    case "TRI_NO":
                    case 2:
                        message.changedByAdministrator = 2;
                        break;
                    default:
                        if (typeof object.changedByAdministrator === "number" && (object.changedByAdministrator | 0) === object.changedByAdministrator)
                            message.changedByAdministrator = object.changedByAdministrator;
                    }
                return message;
            };

            /**
             * Creates a plain object from a MisuseEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.MisuseEvent
             * @static
             * @param {invigilator.v1.MisuseEvent} message MisuseEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            MisuseEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.kind = options.enums === $String ? "MISUSE_KIND_UNSPECIFIED" : 0;
                    object.device = null;
                    object.user = "";
                    object.file = null;
                    object.detail = "";
                    object.subject = "";
                    object.changedBy = "";
                    object.changedByAdministrator = options.enums === $String ? "TRI_UNKNOWN" : 0;
                }
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                    object.kind = options.enums === $String ? $root.invigilator.v1.MisuseKind[message.kind] === $undefined ? message.kind : $root.invigilator.v1.MisuseKind[message.kind] : message.kind;
                if (message.device != null && $Object.hasOwnProperty.call(message, "device"))
                    object.device = $root.invigilator.v1.RemovableDevice.toObject(message.device, options, _depth + 1);
                if (message.user != null && $Object.hasOwnProperty.call(message, "user"))
                    object.user = message.user;
                if (message.file != null && $Object.hasOwnProperty.call(message, "file"))
                    object.file = $root.invigilator.v1.FileWrite.toObject(message.file, options, _depth + 1);
                if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                    object.detail = message.detail;
                if (message.subject != null && $Object.hasOwnProperty.call(message, "subject"))
                    object.subject = message.subject;
                if (message.changedBy != null && $Object.hasOwnProperty.call(message, "changedBy"))
                    object.changedBy = message.changedBy;
                if (message.changedByAdministrator != null && $Object.hasOwnProperty.call(message, "changedByAdministrator"))
                    object.changedByAdministrator = options.enums === $String ? $root.invigilator.v1.Tri[message.changedByAdministrator] === $undefined ? message.changedByAdministrator : $root.invigilator.v1.Tri[message.changedByAdministrator] : message.changedByAdministrator;
                return object;
            };

            /**
             * Converts this MisuseEvent to JSON.
             * @function toJSON
             * @memberof invigilator.v1.MisuseEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            MisuseEvent.prototype.toJSON = function() {
                return MisuseEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for MisuseEvent
             * @function getTypeUrl
             * @memberof invigilator.v1.MisuseEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            MisuseEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.MisuseEvent";
            };

            return MisuseEvent;
        })();

        /**
         * MisuseKind enum.
         * @name invigilator.v1.MisuseKind
         * @enum {number}
         * @property {number} MISUSE_KIND_UNSPECIFIED=0 MISUSE_KIND_UNSPECIFIED value
         * @property {number} MEDIA_ATTACHED=1 MEDIA_ATTACHED value
         * @property {number} MEDIA_DETACHED=2 MEDIA_DETACHED value
         * @property {number} FILE_WRITTEN=3 FILE_WRITTEN value
         * @property {number} SAFEGUARD_DISABLED=4 SAFEGUARD_DISABLED value
         * @property {number} BYPASS_TOOL=5 BYPASS_TOOL value
         * @property {number} EXECUTABLE_DOWNLOADED=6 EXECUTABLE_DOWNLOADED value
         * @property {number} PUBLIC_WIFI=7 PUBLIC_WIFI value
         * @property {number} PROXY_SET=8 PROXY_SET value
         * @property {number} DNS_OVER_HTTPS_SET=9 DNS_OVER_HTTPS_SET value
         */
        v1.MisuseKind = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "MISUSE_KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "MEDIA_ATTACHED"] = 1;
            values[valuesById[2] = "MEDIA_DETACHED"] = 2;
            values[valuesById[3] = "FILE_WRITTEN"] = 3;
            values[valuesById[4] = "SAFEGUARD_DISABLED"] = 4;
            values[valuesById[5] = "BYPASS_TOOL"] = 5;
            values[valuesById[6] = "EXECUTABLE_DOWNLOADED"] = 6;
            values[valuesById[7] = "PUBLIC_WIFI"] = 7;
            values[valuesById[8] = "PROXY_SET"] = 8;
            values[valuesById[9] = "DNS_OVER_HTTPS_SET"] = 9;
            return values;
        })();

        v1.FileWrite = (function() {

            /**
             * Properties of a FileWrite.
             * @typedef {Object} invigilator.v1.FileWrite.$Properties
             * @property {string|null} [name] FileWrite name
             * @property {string|null} [nameSha256] FileWrite nameSha256
             * @property {number|null} [sizeBytes] FileWrite sizeBytes
             * @property {string|null} [relativeDir] FileWrite relativeDir
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a FileWrite.
             * @memberof invigilator.v1
             * @interface IFileWrite
             * @augments invigilator.v1.FileWrite.$Properties
             * @deprecated Use invigilator.v1.FileWrite.$Properties instead.
             */

            /**
             * Shape of a FileWrite.
             * @typedef {invigilator.v1.FileWrite.$Properties} invigilator.v1.FileWrite.$Shape
             */

            /**
             * Constructs a new FileWrite.
             * @memberof invigilator.v1
             * @classdesc Represents a FileWrite.
             * @constructor
             * @param {invigilator.v1.FileWrite.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const FileWrite = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * FileWrite name.
             * @member {string} name
             * @memberof invigilator.v1.FileWrite
             * @instance
             */
            FileWrite.prototype.name = "";

            /**
             * FileWrite nameSha256.
             * @member {string} nameSha256
             * @memberof invigilator.v1.FileWrite
             * @instance
             */
            FileWrite.prototype.nameSha256 = "";

            /**
             * FileWrite sizeBytes.
             * @member {number} sizeBytes
             * @memberof invigilator.v1.FileWrite
             * @instance
             */
            FileWrite.prototype.sizeBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * FileWrite relativeDir.
             * @member {string} relativeDir
             * @memberof invigilator.v1.FileWrite
             * @instance
             */
            FileWrite.prototype.relativeDir = "";

            /**
             * Creates a new FileWrite instance using the specified properties.
             * @function create
             * @memberof invigilator.v1.FileWrite
             * @static
             * @param {invigilator.v1.FileWrite.$Properties=} [properties] Properties to set
             * @returns {invigilator.v1.FileWrite} FileWrite instance
             * @type {{
             *   (properties: invigilator.v1.FileWrite.$Shape): invigilator.v1.FileWrite & invigilator.v1.FileWrite.$Shape;
             *   (properties?: invigilator.v1.FileWrite.$Properties): invigilator.v1.FileWrite;
             * }}
             */
            FileWrite.create = function(properties) {
                return new FileWrite(properties);
            };

            /**
             * Encodes the specified FileWrite message. Does not implicitly {@link invigilator.v1.FileWrite.verify|verify} messages.
             * @function encode
             * @memberof invigilator.v1.FileWrite
             * @static
             * @param {invigilator.v1.FileWrite.$Properties} message FileWrite message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FileWrite.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.nameSha256 != null && $Object.hasOwnProperty.call(message, "nameSha256") && message.nameSha256 !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.nameSha256);
                if (message.sizeBytes != null && $Object.hasOwnProperty.call(message, "sizeBytes") && (typeof message.sizeBytes === "object" ? message.sizeBytes.low || message.sizeBytes.high : message.sizeBytes !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.sizeBytes);
                if (message.relativeDir != null && $Object.hasOwnProperty.call(message, "relativeDir") && message.relativeDir !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.relativeDir);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a FileWrite message from the specified reader or buffer.
             * @function decode
             * @memberof invigilator.v1.FileWrite
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {invigilator.v1.FileWrite & invigilator.v1.FileWrite.$Shape} FileWrite
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FileWrite.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.invigilator.v1.FileWrite();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.nameSha256 = value;
                            else
                                delete message.nameSha256;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.sizeBytes = value;
                            else
                                delete message.sizeBytes;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.relativeDir = value;
                            else
                                delete message.relativeDir;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Creates a FileWrite message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof invigilator.v1.FileWrite
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {invigilator.v1.FileWrite} FileWrite
             */
            FileWrite.fromObject = function (object, _depth) {
                if (object instanceof $root.invigilator.v1.FileWrite)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".invigilator.v1.FileWrite: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.invigilator.v1.FileWrite();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.nameSha256 != null)
                    if (typeof object.nameSha256 !== "string" || object.nameSha256.length)
                        message.nameSha256 = $String(object.nameSha256);
                if (object.sizeBytes != null)
                    if (typeof object.sizeBytes === "object" ? object.sizeBytes.low || object.sizeBytes.high : $Number(object.sizeBytes) !== 0)
                        if ($util.Long)
                            message.sizeBytes = $util.Long.fromValue(object.sizeBytes, true);
                        else if (typeof object.sizeBytes === "string")
                            message.sizeBytes = $parseInt(object.sizeBytes, 10);
                        else if (typeof object.sizeBytes === "number")
                            message.sizeBytes = object.sizeBytes;
                        else if (typeof object.sizeBytes === "object")
                            message.sizeBytes = new $util.LongBits(object.sizeBytes.low >>> 0, object.sizeBytes.high >>> 0).toNumber(true);
                if (object.relativeDir != null)
                    if (typeof object.relativeDir !== "string" || object.relativeDir.length)
                        message.relativeDir = $String(object.relativeDir);
                return message;
            };

            /**
             * Creates a plain object from a FileWrite message. Also converts values to other types if specified.
             * @function toObject
             * @memberof invigilator.v1.FileWrite
             * @static
             * @param {invigilator.v1.FileWrite} message FileWrite
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            FileWrite.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.name = "";
                    object.nameSha256 = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.sizeBytes = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sizeBytes = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.relativeDir = "";
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.nameSha256 != null && $Object.hasOwnProperty.call(message, "nameSha256"))
                    object.nameSha256 = message.nameSha256;
                if (message.sizeBytes != null && $Object.hasOwnProperty.call(message, "sizeBytes"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sizeBytes = typeof message.sizeBytes === "number" ? $BigInt(message.sizeBytes) : $util.Long.fromBits(message.sizeBytes.low >>> 0, message.sizeBytes.high >>> 0, true).toBigInt();
                    else if (typeof message.sizeBytes === "number")
                        object.sizeBytes = options.longs === $String ? $String(message.sizeBytes) : message.sizeBytes;
                    else
                        object.sizeBytes = options.longs === $String ? $util.Long.prototype.toString.call(message.sizeBytes) : options.longs === $Number ? new $util.LongBits(message.sizeBytes.low >>> 0, message.sizeBytes.high >>> 0).toNumber(true) : message.sizeBytes;
                if (message.relativeDir != null && $Object.hasOwnProperty.call(message, "relativeDir"))
                    object.relativeDir = message.relativeDir;
                return object;
            };

            /**
             * Converts this FileWrite to JSON.
             * @function toJSON
             * @memberof invigilator.v1.FileWrite
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            FileWrite.prototype.toJSON = function() {
                return FileWrite.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for FileWrite
             * @function getTypeUrl
             * @memberof invigilator.v1.FileWrite
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            FileWrite.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/invigilator.v1.FileWrite";
            };

            return FileWrite;
        })();

        return v1;
    })();

    return invigilator;
})();

export {
  $root as default
};
